package dev.glimpse.examples;

import dev.glimpse.imaging.ImageLimits;

/** Example decoding under the upload defaults ({@code glimpse.upload.max-bytes=5MB}, {@code max-megapixels=50}). */
final class UploadLimits {

    static final ImageDecoding DECODING = new ImageDecoding(new ImageLimits(5L * 1024 * 1024, 50));

    private UploadLimits() {}
}
