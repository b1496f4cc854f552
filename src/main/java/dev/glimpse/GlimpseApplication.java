package dev.glimpse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Glimpse. It sits in the root package so that every feature package below it is a module (Spring Modulith)
 * and is scanned for components, entities and repositories.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GlimpseApplication {

    public static void main(String[] args) {
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
