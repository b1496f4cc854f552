package dev.glimpse.search.index;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The change log ({@code image_change}) and each instance's index follower: how often the follower looks for changes
 * when no notification wakes it, how many changes it applies per index commit, how long after losing its LISTEN
 * connection it tries to open a new one (it keeps polling meanwhile), how long changes are kept and how often old
 * ones are pruned. An instance that was down longer than {@code retention} rebuilds its index at start.
 */
@Validated
@ConfigurationProperties("glimpse.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize,
        @NotNull @DefaultValue("5s") Duration listenRetry,
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("1h") Duration pruneInterval) {}
