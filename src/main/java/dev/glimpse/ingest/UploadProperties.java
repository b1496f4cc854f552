package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits for uploaded images, the size of their thumbnails, and whether stored originals follow the metadata policy
 * ({@code keepAllMetadata=false}, the default: see {@code MetadataPolicy}) or are kept byte for byte, and whether a
 * photo's GPS position is turned into a place name before it is dropped ({@code placeNames}). The defaults fit phone
 * photos: 50 MB files, 100 megapixels (48–100 MP sensors).
 */
@Validated
@ConfigurationProperties("glimpse.upload")
public record UploadProperties(
        @NotNull @DefaultValue("50MB") DataSize maxBytes,
        @Min(1) @Max(500) @DefaultValue("100") int maxMegapixels,
        @Min(32) @Max(2048) @DefaultValue("320") int thumbnailSize,
        @Min(1) @Max(100) @DefaultValue("20") int maxFilesPerUpload,
        @DefaultValue("false") boolean keepAllMetadata,
        @DefaultValue("true") boolean placeNames) {

    /** The size and pixel limits an uploaded image is inspected against. */
    public ImageLimits imageLimits() {
        return new ImageLimits(maxBytes.toBytes(), maxMegapixels);
    }
}
