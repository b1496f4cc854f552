package dev.glimpse.backup;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * What backup and restore need of Glimpse: the database (embedded, joined when a server runs on it, or external;
 * migrated as the server migrates it) and blob storage. No web server, pipeline, index or models.
 *
 * <p>Not a {@code @Configuration}: it is the command's own source ({@code SpringApplicationBuilder}), and the server's
 * component scan must not pick it up (its auto-configuration exclusions would leave the server without Vaadin).
 */
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
