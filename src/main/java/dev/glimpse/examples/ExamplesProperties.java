package dev.glimpse.examples;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The idle example gallery: whether it runs, how long a page must be idle, how many tiles it shows, how many captions
 * are cached, and its three optional sources, tried in order (remote service, the user's library, a local folder).
 */
@Validated
@ConfigurationProperties("glimpse.examples")
public record ExamplesProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DurationMin(millis = 200) @DurationMax(hours = 1) @DefaultValue("8s")
        Duration idleAfter,

        @Min(1) @Max(12) @DefaultValue("4") int tiles,
        @Min(1) @Max(100_000) @DefaultValue("512") int cacheSize,
        @Valid @NotNull @DefaultValue Remote remote,
        @Valid @NotNull @DefaultValue Library library,
        @Valid @NotNull @DefaultValue Folder folder) {

    /**
     * A random-image service: every request may answer a different image, usually by redirecting to it. An empty
     * URL turns the source off.
     */
    public record Remote(
            @NotNull
            @Pattern(regexp = "|https?://[^\\s]+", message = "must be empty or an http(s) URL")
            @DefaultValue("https://picsum.photos/640/640")
            String url,

            @NotNull @DurationMin(millis = 1) @DefaultValue("3s")
            Duration connectTimeout,

            @NotNull @DurationMin(millis = 1) @DefaultValue("5s")
            Duration readTimeout,

            @NotNull @DurationMin(millis = 1) @DefaultValue("15s")
            Duration totalTimeout,

            @NotNull @DefaultValue("5MB") DataSize maxBytes,
            @Min(0) @Max(10) @DefaultValue("5") int maxRedirects) {

        boolean configured() {
            return !url.isBlank();
        }
    }

    /**
     * The user's own captioned images (shown, never captioned again); off by default, as a person's own photos are no
     * "examples".
     */
    public record Library(@DefaultValue("false") boolean enabled) {}

    /** A folder of example images; none by default. */
    public record Folder(
            @Nullable Path path,
            @NotNull @DefaultValue("5MB") DataSize maxBytes) {

        boolean configured() {
            return path != null;
        }
    }
}
