package dev.glimpse.backup;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * What backup and restore need of Glimpse: the database (embedded, joined when a server runs on it, or external;
 * migrated as the server migrates it) and blob storage. No web server, pipeline, index or models.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(
        excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"
        })
@ConfigurationPropertiesScan("dev.glimpse")
@ComponentScan(
        basePackages = "dev.glimpse",
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "dev\\.glimpse\\.base\\.(EmbeddedDatabaseConfiguration|ClockConfiguration)",
                            "dev\\.glimpse\\.storage\\.StorageConfiguration"
                        }))
class BackupContext {}
