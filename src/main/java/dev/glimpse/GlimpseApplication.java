package dev.glimpse;

import dev.glimpse.cli.GlimpseCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Glimpse. It sits in the root package so that every feature package below it is a module (Spring Modulith)
 * and is scanned for components, entities and repositories. When the first argument names a command
 * ({@code java -jar glimpse.jar <command>}, see {@link GlimpseCli}) it runs that command and exits instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GlimpseApplication {

    public static void main(String[] args) {
        if (GlimpseCli.handles(args)) {
            System.exit(GlimpseCli.execute(args, GlimpseApplication.class));
        }
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
