package dev.glimpse.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where image bytes are kept: {@code glimpse.storage.type=local} (default, under {@code data/blobs}) or {@code gcs}
 * (bucket and optional prefix; credentials come the standard Google way). A local store keeps
 * {@code local.min-free-space} free on its disk (the embedded database usually shares it): below that it refuses new
 * blobs as full and reports itself DOWN, so readiness takes the instance out of rotation before the disk fills up.
 */
@Validated
@ConfigurationProperties("glimpse.storage")
public record StorageProperties(
        @NotNull @DefaultValue("local") Type type,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue Gcs gcs) {

    public enum Type {
        LOCAL,
        GCS
    }

    public record Local(
            @NotNull @DefaultValue("data/blobs") Path root,
            @NotNull @DefaultValue("512MB") DataSize minFreeSpace) {

        @AssertTrue(message = "must not be negative")
        boolean isMinFreeSpaceValid() {
            return minFreeSpace == null || !minFreeSpace.isNegative();
        }
    }

    public record Gcs(
            @Nullable String bucket,
            @DefaultValue("") String prefix,
            @Nullable String projectId) {}
}
