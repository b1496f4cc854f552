package dev.glimpse;

import dev.glimpse.security.CredentialsCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Glimpse. It sits in the root package so that every feature package below it is a module (Spring Modulith)
 * and is scanned for components, entities and repositories. With the argument {@code prefetch-models} it downloads
 * the configured models and exits instead; with {@code hash-password} or {@code new-api-token} it prints credentials
 * for the security configuration and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GlimpseApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (Arrays.asList(args).contains(PrefetchModels.COMMAND)) {
            PrefetchModels.run(args);
            return;
        }
        if (CredentialsCommand.requested(args)) {
            CredentialsCommand.run(args);
            return;
        }
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
