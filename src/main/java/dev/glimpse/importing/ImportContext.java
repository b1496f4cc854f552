package dev.glimpse.importing;

import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The part of Glimpse an import needs, and nothing else: the database (embedded, joined when a server runs on it, or
 * external; migrated as the server migrates it), blob storage, the library's rows and its change log's writer, and ingest. No web
 * server, no pipeline, no search index (the running server's index follows the change log and picks the new images
 * up), no models. Vaadin's auto-configuration needs a web application, so it is left out.
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
@EntityScan(basePackageClasses = Image.class)
@EnableJpaRepositories(basePackageClasses = ImageRepository.class)
@ComponentScan(
        basePackages = "dev.glimpse",
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "dev\\.glimpse\\.base\\.(EmbeddedDatabaseConfiguration|ClockConfiguration)",
                            "dev\\.glimpse\\.storage\\.StorageConfiguration",
                            "dev\\.glimpse\\.library\\.(ImageCommands|ImageQueries|ImageLifecycle|Library|Backlog"
                                    + "|SimilarImages|ImageUpdates|ImageChangeOutbox|DeletedImageBlobs|NewImages)",
                            "dev\\.glimpse\\.search\\.index\\.ChangeLog",
                            "dev\\.glimpse\\.ingest\\.(IngestService|PhotoFactsReader)"
                        }))
class ImportContext {}
