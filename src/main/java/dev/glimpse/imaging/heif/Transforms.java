package dev.glimpse.imaging.heif;

import dev.glimpse.imaging.heif.ItemProperties.Transform;
import java.util.List;

/**
 * Rotation ({@code irot}, quarter turns anticlockwise) and mirroring ({@code imir}) applied to ARGB pixels in the
 * order the file lists them. Mirror axis 0 flips top and bottom, axis 1 left and right, as libheif (the reference
 * decoder, matching Apple's files) reads them.
 */
final class Transforms {

    /** Pixels in row order, one ARGB int each. */
    record Pixels(int[] argb, int width, int height) {}

    private Transforms() {}

    static Pixels apply(Pixels pixels, List<Transform> transforms) {
        Pixels result = pixels;
        for (Transform transform : transforms) {
            if (transform.mirror()) {
                result = mirror(result, transform.value() == 1);
            } else {
                for (int turn = 0; turn < transform.value(); turn++) {
                    result = rotateAnticlockwise(result);
                }
            }
        }
        return result;
    }

    /** Width and height after the transforms (odd numbers of quarter turns swap them). */
    static boolean swapsSides(List<Transform> transforms) {
        int turns = transforms.stream()
                .filter(t -> !t.mirror())
                .mapToInt(Transform::value)
                .sum();
        return turns % 2 == 1;
    }

    private static Pixels rotateAnticlockwise(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int[] source = pixels.argb();
        int[] target = new int[source.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // (x, y) goes to (y, width - 1 - x) in an image height wide
                target[(width - 1 - x) * height + y] = source[y * width + x];
            }
        }
        return new Pixels(target, height, width);
    }

    private static Pixels mirror(Pixels pixels, boolean leftRight) {
        int width = pixels.width();
        int height = pixels.height();
        int[] source = pixels.argb();
        int[] target = new int[source.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int to = leftRight ? y * width + (width - 1 - x) : (height - 1 - y) * width + x;
                target[to] = source[y * width + x];
            }
        }
        return new Pixels(target, width, height);
    }
}
