package dev.glimpse.tools.bench;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Synthetic photographs-to-be for benchmarks: smooth colour gradients with noise, different for each seed. */
final class BenchImages {

    private BenchImages() {}

    static BufferedImage image(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double phase = random.nextDouble(Math.PI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = channel(Math.sin(x / 60.0 + phase), random);
                int g = channel(Math.cos(y / 45.0 - phase), random);
                int b = channel(Math.sin((x + y) / 90.0), random);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int channel(double wave, SplittableRandom random) {
        return Math.clamp(Math.round(128 + 100 * wave + random.nextInt(-20, 21)), 0, 255);
    }
}
