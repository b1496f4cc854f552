package dev.glimpse.caption;

import java.util.function.DoubleUnaryOperator;

/**
 * Pillow's {@code Image.resize} for 8-bit images: a separable two-pass convolution (horizontal, then
 * vertical) whose filter support widens by the scale factor when shrinking, with coefficients in
 * 22-bit fixed point and each pass rounded and clamped to 0..255, as {@code libImaging/Resample.c}.
 */
final class PilResampler {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** Pillow's resampling filters, by their {@code PIL.Image.Resampling} codes. */
    enum Filter {
        LANCZOS(1, 3.0, PilResampler::lanczos),
        BILINEAR(2, 1.0, PilResampler::triangle),
        BICUBIC(3, 2.0, PilResampler::cubic);

        final int code;
        final double support;
        final DoubleUnaryOperator kernel;

        Filter(int code, double support, DoubleUnaryOperator kernel) {
            this.code = code;
            this.support = support;
            this.kernel = kernel;
        }

        static Filter ofCode(int code) {
            for (Filter filter : values()) {
                if (filter.code == code) {
                    return filter;
                }
            }
            throw new IllegalArgumentException(
                    "Unsupported PIL resample filter " + code + " (supported: 1 lanczos, 2 bilinear, 3 bicubic)");
        }
    }

    /** Per output pixel: first input index, number of taps and fixed-point weights. */
    private record Taps(int[] first, int[] count, int[][] weights) {}

    private PilResampler() {}

    static RgbPlanes resize(RgbPlanes image, int width, int height, Filter filter) {
        int[][] planes = image.planes();
        int currentWidth = image.width();
        if (width != image.width()) {
            Taps taps = taps(image.width(), width, filter);
            planes = horizontal(planes, image.width(), image.height(), width, taps);
            currentWidth = width;
        }
        if (height != image.height()) {
            Taps taps = taps(image.height(), height, filter);
            planes = vertical(planes, currentWidth, height, taps);
        }
        return new RgbPlanes(currentWidth, height, planes);
    }

    private static int[][] horizontal(int[][] planes, int inWidth, int rows, int outWidth, Taps taps) {
        int[][] out = new int[planes.length][outWidth * rows];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < rows; y++) {
                int rowIn = y * inWidth;
                for (int x = 0; x < outWidth; x++) {
                    int[] w = taps.weights[x];
                    int start = rowIn + taps.first[x];
                    int sum = 1 << (PRECISION_BITS - 1);
                    for (int k = 0; k < taps.count[x]; k++) {
                        sum += planes[c][start + k] * w[k];
                    }
                    out[c][y * outWidth + x] = clip8(sum);
                }
            }
        }
        return out;
    }

    private static int[][] vertical(int[][] planes, int width, int outHeight, Taps taps) {
        int[][] out = new int[planes.length][width * outHeight];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < outHeight; y++) {
                int[] w = taps.weights[y];
                for (int x = 0; x < width; x++) {
                    int sum = 1 << (PRECISION_BITS - 1);
                    for (int k = 0; k < taps.count[y]; k++) {
                        sum += planes[c][(taps.first[y] + k) * width + x] * w[k];
                    }
                    out[c][y * width + x] = clip8(sum);
                }
            }
        }
        return out;
    }

    /** Pillow's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}. */
    private static Taps taps(int inSize, int outSize, Filter filter) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        double inverseScale = 1.0 / filterScale;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double[] k = new double[max];
            double total = 0.0;
            for (int x = 0; x < max; x++) {
                k[x] = filter.kernel.applyAsDouble((x + min - center + 0.5) * inverseScale);
                total += k[x];
            }
            weights[xx] = new int[max];
            for (int x = 0; x < max; x++) {
                double normalised = total != 0.0 ? k[x] / total : k[x];
                weights[xx][x] = toFixedPoint(normalised);
            }
            first[xx] = min;
            count[xx] = max;
        }
        return new Taps(first, count, weights);
    }

    private static int toFixedPoint(double weight) {
        double scaled = weight * (1 << PRECISION_BITS);
        return (int) (weight < 0 ? scaled - 0.5 : scaled + 0.5);
    }

    private static int clip8(int sum) {
        return Math.clamp(sum >> PRECISION_BITS, 0, 255);
    }

    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    private static double triangle(double x) {
        x = Math.abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    private static double lanczos(double x) {
        return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}
