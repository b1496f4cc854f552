package dev.glimpse.search;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the Lucene index lives, and whether startup compares it with the database and repairs it. */
@Validated
@ConfigurationProperties("glimpse.index")
public record IndexProperties(
        @NotNull @DefaultValue("data/index") Path directory,
        @DefaultValue("true") boolean repairOnStart) {}
