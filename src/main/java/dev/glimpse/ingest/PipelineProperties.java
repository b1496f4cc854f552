package dev.glimpse.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The background captioning pipeline: how many images may be in the models' hands at once, how often it looks for
 * new work when nobody wakes it, when a claim counts as abandoned (a crashed worker), and whether claims left by a
 * previous run of this instance are taken back at start (turn off when several instances share one database).
 */
@Validated
@ConfigurationProperties("glimpse.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @Max(1024) @DefaultValue("16") int maxInFlight,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @NotNull @DefaultValue("10m") Duration claimTimeout,
        @DefaultValue("true") boolean reclaimOnStart) {}
