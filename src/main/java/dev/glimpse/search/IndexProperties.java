package dev.glimpse.search;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where this instance's Lucene index lives (each instance needs its own folder). */
@Validated
@ConfigurationProperties("glimpse.index")
public record IndexProperties(
        @NotNull @DefaultValue("data/index") Path directory) {}
