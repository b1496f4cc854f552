package dev.glimpse.imaging.heif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The HEIC/AVIF files under {@code src/test/resources/imaging/heif/} and their reference decodes by libheif
 * ({@code NAME.png}), recorded by {@code make-fixtures.sh} there.
 */
final class HeifFixtures {

    private HeifFixtures() {}

    static byte[] file(String name) {
        try (InputStream in = HeifFixtures.class.getResourceAsStream("/imaging/heif/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage reference(String name) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(file(name + ".png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per-channel absolute differences (alpha included) between two images of the same size. */
    record Difference(double mean, int max) {

        static Difference between(BufferedImage actual, BufferedImage expected) {
            long sum = 0;
            int max = 0;
            long samples = 0;
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    int a = actual.getRGB(x, y);
                    int e = expected.getRGB(x, y);
                    for (int shift = 0; shift < 32; shift += 8) {
                        int d = Math.abs(((a >>> shift) & 0xFF) - ((e >>> shift) & 0xFF));
                        sum += d;
                        max = Math.max(max, d);
                        samples++;
                    }
                }
            }
            return new Difference((double) sum / samples, max);
        }
    }
}
