package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.testsupport.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BlipImageProcessorTest {

    private static final Path MODEL = Fixtures.model("blip-tiny");
    private final BlipImageProcessor processor = BlipImageProcessor.load(MODEL);

    @Test
    void pixelValuesOfReferenceImageMatchTransformers() throws IOException {
        BufferedImage image = ImageIO.read(MODEL.resolve("reference/image.png").toFile());
        float[] expected = Fixtures.readF32(MODEL.resolve("reference/pixel_values.f32"));

        float[] actual = processor.process(image);

        assertThat(actual).hasSameSizeAs(expected);
        double sum = 0;
        double max = 0;
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            sum += d;
            max = Math.max(max, d);
            differing += d > 1e-5 ? 1 : 0;
        }
        double mean = sum / expected.length;
        System.out.printf(
                "pixel_values: mean abs diff %.3g, max %.3g, %d of %d values differ by > 1e-5%n",
                mean, max, differing, expected.length);
        assertThat(mean).isLessThanOrEqualTo(0.01);
        assertThat(actual).as("bit-identical to transformers").isEqualTo(expected);
    }

    @Test
    void transparentPixelsKeepTheirColourAsPilConvertDoes() {
        BufferedImage opaque = randomImage(BufferedImage.TYPE_INT_RGB, 50, 40, 7);
        BufferedImage translucent = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 50; x++) {
                translucent.setRGB(x, y, (x * 5) << 24 | (opaque.getRGB(x, y) & 0xffffff));
            }
        }

        assertThat(processor.process(translucent)).isEqualTo(processor.process(opaque));
    }

    @Test
    void greyImagesUseTheirRawLevelsInEveryChannel() {
        BufferedImage grey = randomImage(BufferedImage.TYPE_BYTE_GRAY, 30, 20, 3);
        BufferedImage rgb = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int level = grey.getRaster().getSample(x, y, 0);
                rgb.setRGB(x, y, level << 16 | level << 8 | level);
            }
        }

        assertThat(processor.process(grey)).isEqualTo(processor.process(rgb));
    }

    @Test
    void indexedImagesUseTheirPaletteColours() {
        byte[] r = {0, (byte) 200, 10, (byte) 255};
        byte[] g = {0, 100, (byte) 220, (byte) 255};
        byte[] b = {0, 50, 30, 0};
        BufferedImage indexed =
                new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
        BufferedImage rgb = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                int index = random.nextInt(4);
                indexed.getRaster().setSample(x, y, 0, index);
                rgb.setRGB(x, y, (r[index] & 0xff) << 16 | (g[index] & 0xff) << 8 | (b[index] & 0xff));
            }
        }

        assertThat(processor.process(indexed)).isEqualTo(processor.process(rgb));
    }

    @Test
    void imageOfTargetSizeIsOnlyRescaledAndNormalised() {
        BufferedImage image = randomImage(BufferedImage.TYPE_INT_RGB, 384, 384, 11);
        int pixel = image.getRGB(17, 5);

        float[] values = processor.process(image);

        int red = pixel >> 16 & 0xff;
        assertThat(values[5 * 384 + 17]).isEqualTo((red / 255f - 0.48145466f) / 0.26862954f, within(1e-6f));
    }

    @Test
    void uniformImageStaysUniformWhenShrunkOrEnlarged() {
        for (int size : new int[] {1000, 100}) {
            BufferedImage image = new BufferedImage(size, size * 3 / 4, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            graphics.setColor(new Color(90, 160, 30));
            graphics.fillRect(0, 0, size, size);
            graphics.dispose();

            float[] values = processor.process(image);

            float green = (160 / 255f - 0.4578275f) / 0.26130258f;
            for (int i = 384 * 384; i < 2 * 384 * 384; i++) {
                assertThat(values[i]).isEqualTo(green, within(1e-6f));
            }
        }
    }

    private static BufferedImage randomImage(int type, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(x, y, 0, random.nextInt(256));
                } else {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
        }
        return image;
    }
}
