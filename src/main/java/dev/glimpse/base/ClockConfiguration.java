package dev.glimpse.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the application reads wherever time decides what happens (undo windows, purge and prune cut-offs,
 * storage back-off, metric freshness): UTC wall time, replaceable by a fixed clock in tests.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
