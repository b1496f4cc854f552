package dev.glimpse.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the pixels of some image formats: {@link ImageIoDecoder} for JPEG, PNG, WebP and GIF; {@link HeifImageDecoder}
 * (FFmpeg) for HEIC/HEIF and AVIF; both are listed in {@link ImageDecoders}. {@link ImageInspector} asks for the size
 * first and refuses images over the limits before any pixel is decoded.
 */
public interface FormatDecoder {

    /** The formats this decoder reads. */
    Set<ImageFormat> formats();

    /** Width and height as stored (before any orientation), from the header alone: no pixel is decoded. */
    Size size(ImageFormat format, byte[] bytes) throws IOException;

    /**
     * The pixels as stored (before orientation; the first frame of an animation fully composed), subsampled so that
     * the longer side is not much above {@code maxSide}. Damage is an {@link ImageRefusedException} whose reason never
     * quotes a decoder's internal text.
     */
    BufferedImage decode(ImageFormat format, byte[] bytes, int maxSide) throws IOException;

    /** How a decoder turns its picture upright: EXIF orientation 1–8 ({@link Orientation#of} by default). */
    default int orientation(ImageFormat format, byte[] bytes) {
        return Orientation.of(format, bytes);
    }

    /** Width and height in pixels. */
    record Size(int width, int height) {}
}
