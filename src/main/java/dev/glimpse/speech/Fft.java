package dev.glimpse.speech;

/**
 * Discrete Fourier transform of any length in double precision: a mixed-radix Cooley-Tukey recursion
 * over the length's prime factors (400 = 2^4 * 5^2 for Whisper), with twiddles from one table.
 */
final class Fft {

    private final int size;
    private final double[] cos;
    private final double[] sin;

    Fft(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("FFT size must be positive: " + size);
        }
        this.size = size;
        this.cos = new double[size];
        this.sin = new double[size];
        for (int i = 0; i < size; i++) {
            double angle = -2 * Math.PI * i / size;
            cos[i] = Math.cos(angle);
            sin[i] = Math.sin(angle);
        }
    }

    int size() {
        return size;
    }

    /** Transforms a real signal of {@link #size()} values into {@code re} and {@code im} (each of that size). */
    void transformReal(double[] signal, double[] re, double[] im) {
        double[] zeros = new double[size];
        transform(signal, zeros, 0, 1, size, re, im, 0, new double[2 * size]);
    }

    private void transform(
            double[] inRe,
            double[] inIm,
            int offset,
            int stride,
            int n,
            double[] outRe,
            double[] outIm,
            int outOffset,
            double[] scratch) {
        if (n == 1) {
            outRe[outOffset] = inRe[offset];
            outIm[outOffset] = inIm[offset];
            return;
        }
        int radix = smallestFactor(n);
        int m = n / radix;
        for (int q = 0; q < radix; q++) {
            transform(inRe, inIm, offset + q * stride, stride * radix, m, outRe, outIm, outOffset + q * m, scratch);
        }
        combine(outRe, outIm, outOffset, n, radix, scratch);
    }

    /**
     * One level of butterflies, in place over the sub-results Y_q: X[k + s*m] = sum_q (W_n^(q*k) Y_q[k]) W_p^(q*s)
     * for radix p and m = n / p.
     */
    private void combine(double[] re, double[] im, int offset, int n, int radix, double[] scratch) {
        int m = n / radix;
        int step = size / n;
        int radixStep = size / radix;
        for (int k = 0; k < m; k++) {
            for (int q = 0; q < radix; q++) {
                int position = offset + q * m + k;
                int twiddle = q * k * step;
                double yRe = re[position];
                double yIm = im[position];
                scratch[2 * q] = yRe * cos[twiddle] - yIm * sin[twiddle];
                scratch[2 * q + 1] = yRe * sin[twiddle] + yIm * cos[twiddle];
            }
            for (int s = 0; s < radix; s++) {
                double sumRe = 0;
                double sumIm = 0;
                int exponent = 0;
                for (int q = 0; q < radix; q++) {
                    int twiddle = exponent * radixStep;
                    sumRe += scratch[2 * q] * cos[twiddle] - scratch[2 * q + 1] * sin[twiddle];
                    sumIm += scratch[2 * q] * sin[twiddle] + scratch[2 * q + 1] * cos[twiddle];
                    exponent += s;
                    if (exponent >= radix) {
                        exponent -= radix;
                    }
                }
                re[offset + k + s * m] = sumRe;
                im[offset + k + s * m] = sumIm;
            }
        }
    }

    private static int smallestFactor(int n) {
        for (int p = 2; (long) p * p <= n; p++) {
            if (n % p == 0) {
                return p;
            }
        }
        return n;
    }
}
