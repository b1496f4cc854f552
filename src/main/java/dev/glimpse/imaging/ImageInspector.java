package dev.glimpse.imaging;

import dev.glimpse.imaging.heif.HeifFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * Decides whether uploaded bytes are an image Glimpse accepts, whatever name or type the client claimed: size limit,
 * real type from the magic bytes (Tika), a JPEG coding Java can read ({@link JpegCoding}), dimensions from the header
 * before any pixel is decoded, then a subsampled decode by the format's {@link FormatDecoder} in which damage (a
 * truncated file) is refused; HEIC/HEIF and AVIF are read through FFmpeg ({@link HeifImageDecoder}).
 */
public class ImageInspector {

    /** The types accepted, as people name them. */
    public static final String ACCEPTED = "JPEG, PNG, WebP, GIF, HEIC or AVIF";

    private final Tika tika = new Tika();
    private final ImageLimits limits;
    private final ImageDecoders decoders;

    public ImageInspector(ImageLimits limits) {
        this(limits, ImageDecoders.standard());
    }

    public ImageInspector(ImageLimits limits, ImageDecoders decoders) {
        this.limits = limits;
        this.decoders = decoders;
    }

    /** The image in {@code bytes}; throws {@link ImageRefusedException} with the reason when it is not accepted. */
    public InspectedImage inspect(byte[] bytes) {
        checkSize(bytes);
        ImageFormat format = detectFormat(bytes);
        if (format == ImageFormat.JPEG) {
            JpegCoding.requireReadable(bytes);
        }
        FormatDecoder decoder = decoders.forFormat(format)
                .orElseThrow(() -> new ImageRefusedException(
                        "is a " + format.label() + " image, which Glimpse cannot read yet (" + notAnImage() + ")"));
        try {
            FormatDecoder.Size size = decoder.size(format, bytes);
            checkPixels(size.width(), size.height());
            BufferedImage pixels = decoder.decode(format, bytes, ImageDecoders.WORKING_SIDE);
            int orientation = decoder.orientation(format, bytes);
            return new InspectedImage(format, size.width(), size.height(), orientation, pixels);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefusedException refused) {
                throw refused;
            }
            throw new ImageRefusedException("is damaged or incomplete and cannot be read as " + format.label(), e);
        }
    }

    private void checkSize(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImageRefusedException("is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRefusedException(ImageRefusedException.Kind.TOO_LARGE, tooLarge(limits.maxBytes()));
        }
    }

    private ImageFormat detectFormat(byte[] bytes) {
        // the HEIF family first, by its ftyp brands: a generic mif1 file may be HEVC or AV1 coded inside
        Optional<ImageFormat> heif =
                HeifFormat.of(bytes).map(found -> found == HeifFormat.AVIF ? ImageFormat.AVIF : ImageFormat.HEIF);
        if (heif.isPresent()) {
            return heif.get();
        }
        String detected = tika.detect(bytes);
        return ImageFormat.ofMimeType(detected)
                .orElseThrow(() -> new ImageRefusedException(
                        ImageRefusedException.Kind.UNSUPPORTED_TYPE,
                        notAnImage() + " (its content is " + describe(detected) + ")"));
    }

    private void checkPixels(int width, int height) {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new ImageRefusedException("has no pixels");
        }
        if (pixels > limits.maxMegapixels() * 1_000_000L) {
            throw new ImageRefusedException(String.format(
                    Locale.ROOT,
                    "is too large: %d × %d is %.1f megapixels, the limit is %d",
                    width,
                    height,
                    pixels / 1e6,
                    limits.maxMegapixels()));
        }
    }

    private static String describe(String mimeType) {
        return switch (mimeType) {
            case "text/plain" -> "plain text";
            case "text/html" -> "HTML";
            case "image/svg+xml" -> "an SVG drawing, which is not accepted";
            case "application/octet-stream" -> "not a recognisable file type";
            default -> mimeType;
        };
    }

    /** The reason for a file over the size limit; completes "the file …". */
    public static String tooLarge(long maxBytes) {
        return "is larger than the limit of " + megabytes(maxBytes);
    }

    /** The reason for a file whose content is no accepted image; completes "the file …". */
    public static String notAnImage() {
        return "is not a " + ACCEPTED + " image";
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }
}
