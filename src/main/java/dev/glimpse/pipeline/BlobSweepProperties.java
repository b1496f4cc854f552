package dev.glimpse.pipeline;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The orphan blob sweeper: blobs that no image row refers to (left by a crash between writing a blob and committing
 * its row) are deleted once older than {@code grace}, at start and every {@code interval}. The grace period must be
 * longer than any upload takes, so a blob whose row is about to be inserted is never touched.
 */
@Validated
@ConfigurationProperties("glimpse.blob-sweep")
public record BlobSweepProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("1h") Duration grace,
        @NotNull @DefaultValue("1h") Duration interval) {}
