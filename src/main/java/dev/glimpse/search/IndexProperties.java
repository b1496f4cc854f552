package dev.glimpse.search;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this instance's Lucene index lives (each instance needs its own folder), and how often followed changes,
 * searchable as soon as they are applied, are made durable ({@code commitInterval}; zero: with every change).
 */
@Validated
@ConfigurationProperties("glimpse.index")
public record IndexProperties(
        @NotNull @DefaultValue("data/index") Path directory,
        @NotNull @DefaultValue("1s") Duration commitInterval) {}
