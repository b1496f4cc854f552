package dev.glimpse.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Glimpse: one Spring Boot application with a pushed Vaadin UI. */
@SpringBootApplication(scanBasePackages = "dev.glimpse")
@ConfigurationPropertiesScan("dev.glimpse")
@Push
public class GlimpseApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
