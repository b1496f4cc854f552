package dev.glimpse.imaging;

import java.awt.image.BufferedImage;

/**
 * An upload that passed inspection: its real format, header dimensions as stored, EXIF orientation (1–8) and decoded
 * pixels as stored, subsampled to about {@link ImageDecoders#WORKING_SIDE} pixels on the longer side.
 */
public record InspectedImage(ImageFormat format, int width, int height, int orientation, BufferedImage pixels) {

    /** The width a viewer shows, after orientation (a portrait photo stored sideways is taller than wide). */
    public int uprightWidth() {
        return orientation >= 5 ? height : width;
    }

    public int uprightHeight() {
        return orientation >= 5 ? width : height;
    }

    /** The pixels turned upright as a viewer shows them. */
    public BufferedImage uprightPixels() {
        return Orientation.upright(pixels, orientation);
    }
}
