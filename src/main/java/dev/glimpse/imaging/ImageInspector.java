package dev.glimpse.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether uploaded bytes are an image Glimpse accepts, whatever name or type the client claimed: size limit,
 * real type from the magic bytes (Tika), dimensions from the header before any pixel is decoded, then a full decode in
 * which any decoder warning (a truncated file) counts as damage.
 */
public class ImageInspector {

    /** The types accepted, as people name them. */
    public static final String ACCEPTED = "JPEG, PNG, WebP or GIF";

    private final Tika tika = new Tika();
    private final ImageLimits limits;

    public ImageInspector(ImageLimits limits) {
        this.limits = limits;
    }

    /** The image in {@code bytes}; throws {@link ImageRefusedException} with the reason when it is not accepted. */
    public InspectedImage inspect(byte[] bytes) {
        checkSize(bytes);
        ImageFormat format = detectFormat(bytes);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format, input);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixels(width, height);
                if (format == ImageFormat.GIF) {
                    checkGifLogicalScreen(bytes);
                }
                BufferedImage pixels = decode(reader);
                return new InspectedImage(format, width, height, pixels);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefusedException refused) {
                throw refused;
            }
            throw new ImageRefusedException("is damaged or incomplete and cannot be read as " + label(format), e);
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

    /** A GIF's frames are drawn on its logical screen, which the header may declare far larger than any frame. */
    private void checkGifLogicalScreen(byte[] gif) {
        if (gif.length < 10) {
            throw new ImageRefusedException("is a damaged GIF file");
        }
        int width = (gif[6] & 0xFF) | (gif[7] & 0xFF) << 8;
        int height = (gif[8] & 0xFF) | (gif[9] & 0xFF) << 8;
        checkPixels(Math.max(width, 1), Math.max(height, 1));
    }

    private static BufferedImage decode(ImageReader reader) throws IOException {
        DamageListener damage = new DamageListener();
        reader.addIIOReadWarningListener(damage);
        BufferedImage image = reader.read(0);
        if (damage.warning != null) {
            throw new ImageRefusedException("is damaged or incomplete (" + damage.warning + ")");
        }
        return image;
    }

    private static ImageReader readerFor(ImageFormat format, @Nullable ImageInputStream input) {
        if (input == null) {
            throw new ImageRefusedException("cannot be read");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image decoder for " + format);
        }
        return readers.next();
    }

    private static String label(ImageFormat format) {
        return format.name().equals("WEBP") ? "WebP" : format.name();
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

    /** Collects the first decoder warning: decoders warn rather than fail on truncated data. */
    private static final class DamageListener implements IIOReadWarningListener {
        private @Nullable String warning;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (this.warning == null) {
                this.warning = warning;
            }
        }
    }
}
