package dev.glimpse.imaging;

/**
 * The most an image may weigh and hold: {@code maxBytes} of file and {@code maxMegapixels} million pixels (checked
 * from the header before any pixel is decoded, and for a GIF on its logical screen too).
 */
public record ImageLimits(long maxBytes, int maxMegapixels) {

    public ImageLimits {
        if (maxBytes < 1 || maxMegapixels < 1) {
            throw new IllegalArgumentException(
                    "Image limits must be positive: " + maxBytes + " bytes, " + maxMegapixels + " megapixels");
        }
    }
}
