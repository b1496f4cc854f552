package dev.glimpse.examples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes example bytes with ImageIO after checking the declared size, so a tiny file cannot claim huge pixels. */
final class ImageDecoding {

    static final long MAX_PIXELS = 25_000_000L;

    private ImageDecoding() {}

    /** The decoded image with its format (jpeg, png, gif, bmp); throws {@link ExampleUnavailableException} otherwise. */
    static Decoded decode(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new ExampleUnavailableException("content is not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ExampleUnavailableException("image declares " + pixels + " pixels");
                }
                BufferedImage image = reader.read(0);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                return new Decoded(image, format.equals("jpg") ? "jpeg" : format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExampleUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ExampleUnavailableException("content does not decode as an image: " + e.getMessage());
        }
    }

    record Decoded(BufferedImage image, String format) {}
}
