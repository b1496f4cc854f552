package dev.glimpse.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library's settings: how long a deletion made on a page can be undone (the image is hidden at once and purged
 * afterwards), how often purging looks, the longest caption a person may write, and how many "More like this"
 * images the viewer shows.
 */
@Validated
@ConfigurationProperties("glimpse.library")
public record LibraryProperties(
        @NotNull @DefaultValue("8s") Duration undoDelete,
        @NotNull @DefaultValue("2s") Duration purgeInterval,
        @Min(1) @Max(10000) @DefaultValue("500") int maxCaptionLength,
        @Min(1) @Max(100) @DefaultValue("8") int similarImages) {}
