package dev.glimpse.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The background captioning pipeline: whether this instance captions at all ({@code false}: a web-only instance), how
 * many images may be in the models' hands at once, how often it looks for new work when nobody wakes it, how long a
 * claim's lease lasts (the worker renews it every third of that while it works; another instance takes over an image
 * only after its lease ran out), and the name this instance records on its claims (empty: host name plus a hash of
 * the index folder, stable across restarts, so a restarted instance takes back its own claims at once).
 */
@Validated
@ConfigurationProperties("glimpse.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @Max(1024) @DefaultValue("16") int maxInFlight,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @NotNull @DefaultValue("1m") Duration lease,
        @NotNull @DefaultValue("") String instanceId) {}
