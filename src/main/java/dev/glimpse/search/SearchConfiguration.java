package dev.glimpse.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens this instance's index. What it holds is kept in line with the database by the index follower of the
 * {@code library} feature, which replays the shared change log into it.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    ImageIndex imageIndex(IndexProperties properties) {
        return new ImageIndex(properties.directory(), properties.commitInterval());
    }
}
