package dev.glimpse.ratelimit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API rate-limit filter after Spring Security's filter chain (order -100), so users are known. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final int FILTER_ORDER = 0;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
