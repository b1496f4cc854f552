package dev.glimpse.caption;

import java.util.function.DoubleUnaryOperator;

/**
 * The resize of transformers' default (fast, torchvision) image processors for 8-bit images:
 * PyTorch's antialiased uint8 interpolation, which follows Pillow's {@code Image.resize} — a separable
 * two-pass convolution (horizontal, then vertical) whose filter support widens by the scale factor
 * when shrinking, each pass rounded and clamped to 0..255 — but with int16 fixed-point weights whose
 * precision is chosen per axis from the largest weight ({@code _compute_index_ranges_int16_weights}
 * in ATen's {@code UpSampleKernel.cpp}).
 */
final class AntialiasedResampler {

    private static final int MAX_PRECISION_BITS = 22;

    /** The filters with an antialiased uint8 path, by their {@code PIL.Image.Resampling} codes. */
    enum Filter {
        BILINEAR(2, 1.0, AntialiasedResampler::triangle),
        BICUBIC(3, 2.0, AntialiasedResampler::keysCubic);

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
                    "Unsupported resample filter " + code + " (supported: 2 bilinear, 3 bicubic)");
        }
    }

    /** Per output pixel: first input index and fixed-point weights, with the axis's precision. */
    private record Taps(int[] first, int[][] weights, int precision) {}

    private AntialiasedResampler() {}

    static RgbPlanes resize(RgbPlanes image, int width, int height, Filter filter) {
        byte[][] planes = image.planes();
        if (width != image.width()) {
            planes = horizontal(planes, image.width(), image.height(), width, taps(image.width(), width, filter));
        }
        if (height != image.height()) {
            planes = vertical(planes, width, height, taps(image.height(), height, filter));
        }
        return new RgbPlanes(width, height, planes);
    }

    private static byte[][] horizontal(byte[][] planes, int inWidth, int rows, int outWidth, Taps taps) {
        byte[][] out = new byte[planes.length][outWidth * rows];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int[] w = taps.weights[x];
                    int start = y * inWidth + taps.first[x];
                    int sum = 1 << (taps.precision - 1);
                    for (int k = 0; k < w.length; k++) {
                        sum += (planes[c][start + k] & 0xff) * w[k];
                    }
                    out[c][y * outWidth + x] = clip8(sum, taps.precision);
                }
            }
        }
        return out;
    }

    private static byte[][] vertical(byte[][] planes, int width, int outHeight, Taps taps) {
        byte[][] out = new byte[planes.length][width * outHeight];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < outHeight; y++) {
                int[] w = taps.weights[y];
                for (int x = 0; x < width; x++) {
                    int sum = 1 << (taps.precision - 1);
                    for (int k = 0; k < w.length; k++) {
                        sum += (planes[c][(taps.first[y] + k) * width + x] & 0xff) * w[k];
                    }
                    out[c][y * width + x] = clip8(sum, taps.precision);
                }
            }
        }
        return out;
    }

    /** Pillow's support and centring, weights normalised in double, then scaled to int16. */
    private static Taps taps(int inSize, int outSize, Filter filter) {
        double scale = (double) inSize / outSize;
        double support = filter.support * Math.max(scale, 1.0);
        double inverseScale = scale >= 1.0 ? 1.0 / scale : 1.0;
        int[] first = new int[outSize];
        double[][] normalised = new double[outSize][];
        double largest = 0;
        for (int i = 0; i < outSize; i++) {
            double center = scale * (i + 0.5);
            int min = Math.max((int) (center - support + 0.5), 0);
            int count = Math.min((int) (center + support + 0.5), inSize) - min;
            double[] k = new double[count];
            double total = 0.0;
            for (int j = 0; j < count; j++) {
                k[j] = filter.kernel.applyAsDouble((j + min - center + 0.5) * inverseScale);
                total += k[j];
            }
            for (int j = 0; j < count && total != 0.0; j++) {
                k[j] /= total;
                largest = Math.max(largest, k[j]);
            }
            first[i] = min;
            normalised[i] = k;
        }
        return toFixedPoint(first, normalised, largest);
    }

    /** The largest precision (below 22 bits) at which the largest weight still fits int16. */
    private static Taps toFixedPoint(int[] first, double[][] normalised, double largest) {
        int precision = 0;
        while (precision < MAX_PRECISION_BITS && (int) (0.5 + largest * (1 << (precision + 1))) < (1 << 15)) {
            precision++;
        }
        int[][] weights = new int[normalised.length][];
        for (int i = 0; i < normalised.length; i++) {
            weights[i] = new int[normalised[i].length];
            for (int j = 0; j < weights[i].length; j++) {
                double scaled = normalised[i][j] * (1 << precision);
                weights[i][j] = (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            }
        }
        return new Taps(first, weights, precision);
    }

    private static byte clip8(int sum, int precision) {
        return (byte) Math.clamp(sum >> precision, 0, 255);
    }

    /** Keys' cubic convolution with a = -0.5 (as Pillow), in ATen's evaluation order. */
    private static double keysCubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2.0) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
        return 0.0;
    }

    private static double triangle(double x) {
        x = Math.abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }
}
