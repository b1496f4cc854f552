package dev.glimpse.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The decoders Glimpse reads images with, first match wins. {@link #standard()} is what uploads, thumbnails and the
 * captioner use: ImageIO for JPEG, PNG, WebP and GIF; FFmpeg for HEIC/HEIF and AVIF ({@link HeifImageDecoder}).
 */
public final class ImageDecoders {

    /** The longest side decoded for thumbnails and the captioner (both far smaller): memory stays bounded. */
    public static final int WORKING_SIDE = 1024;

    private final List<FormatDecoder> decoders;

    public ImageDecoders(List<FormatDecoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    public static ImageDecoders standard() {
        return new ImageDecoders(List.of(new ImageIoDecoder(), new HeifImageDecoder()));
    }

    public Optional<FormatDecoder> forFormat(ImageFormat format) {
        return decoders.stream().filter(d -> d.formats().contains(format)).findFirst();
    }

    /** A stored image decoded upright at about {@code maxSide} pixels at most on its longer side. */
    public BufferedImage upright(ImageFormat format, byte[] bytes, int maxSide) throws IOException {
        FormatDecoder decoder = forFormat(format)
                .orElseThrow(() ->
                        new ImageRefusedException("is a " + format.label() + " image, which Glimpse" + " cannot read"));
        BufferedImage pixels = decoder.decode(format, bytes, maxSide);
        return Orientation.upright(pixels, decoder.orientation(format, bytes));
    }
}
