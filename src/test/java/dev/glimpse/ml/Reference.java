package dev.glimpse.ml;

import java.util.Random;

/** Straightforward loop implementations of the blocks, one sequence ([t][d] arrays) at a time. */
final class Reference {

    private Reference() {}

    static float[] random(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    /** Row-major [rows][cols] view of a flat array starting at {@code offset}. */
    static float[][] rows(float[] flat, int offset, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, offset + r * cols, out[r], 0, cols);
        }
        return out;
    }

    static float[] flat(float[][] rows) {
        int cols = rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /** y = x Wᵀ + b with W [out][in]. */
    static float[][] linear(float[][] x, float[][] w, float[] b) {
        float[][] y = new float[x.length][w.length];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < w.length; o++) {
                double sum = b == null ? 0 : b[o];
                for (int i = 0; i < w[o].length; i++) {
                    sum += (double) x[t][i] * w[o][i];
                }
                y[t][o] = (float) sum;
            }
        }
        return y;
    }

    static float[][] layerNorm(float[][] x, float[] gamma, float[] beta, float eps) {
        float[][] y = new float[x.length][];
        for (int t = 0; t < x.length; t++) {
            double mean = 0;
            for (float v : x[t]) {
                mean += v;
            }
            mean /= x[t].length;
            double var = 0;
            for (float v : x[t]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[t].length;
            y[t] = new float[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                y[t][i] = (float) ((x[t][i] - mean) / Math.sqrt(var + eps) * gamma[i] + beta[i]);
            }
        }
        return y;
    }

    /** erf by Simpson's rule on 2/√π·exp(−t²), accurate far beyond float precision. */
    static double erf(double x) {
        double limit = Math.min(Math.abs(x), 7);
        int steps = 4000;
        double h = limit / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double weight = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * Math.exp(-(i * h) * (i * h));
        }
        return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum * h / 3;
    }

    static float gelu(float x) {
        return (float) (x * 0.5 * (1 + erf(x / Math.sqrt(2))));
    }

    static float[][] gelu(float[][] x) {
        float[][] y = new float[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = new float[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                y[t][i] = gelu(x[t][i]);
            }
        }
        return y;
    }

    static float[][] add(float[][] a, float[][] b) {
        float[][] y = new float[a.length][a[0].length];
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                y[t][i] = a[t][i] + b[t][i];
            }
        }
        return y;
    }

    /** Which of the {@code t} keys of batch row {@code row} an attention mask (1 = attend, 0 = padding) shows. */
    static boolean[] keyMask(long[] attention, int row, int t) {
        boolean[] keys = new boolean[t];
        for (int j = 0; j < t; j++) {
            keys[j] = attention[row * t + j] == 1;
        }
        return keys;
    }

    /**
     * Multi-head attention of q [tq][h·dh] over k, v [tk][h·dh]. {@code keyMask[j]} false hides key j from every
     * query; {@code causal} hides keys after position i + (tk − tq) from query i.
     */
    static float[][] attention(float[][] q, float[][] k, float[][] v, int heads, boolean[] keyMask, boolean causal) {
        int tq = q.length;
        int tk = k.length;
        int width = q[0].length;
        int dh = width / heads;
        float[][] out = new float[tq][width];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < tq; i++) {
                double[] scores = new double[tk];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < tk; j++) {
                    boolean visible = (keyMask == null || keyMask[j]) && (!causal || j <= i + tk - tq);
                    if (!visible) {
                        scores[j] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double dot = 0;
                    for (int d = 0; d < dh; d++) {
                        dot += (double) q[i][h * dh + d] * k[j][h * dh + d];
                    }
                    scores[j] = dot / Math.sqrt(dh);
                    max = Math.max(max, scores[j]);
                }
                double total = 0;
                for (int j = 0; j < tk; j++) {
                    scores[j] = scores[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(scores[j] - max);
                    total += scores[j];
                }
                for (int d = 0; d < dh; d++) {
                    double sum = 0;
                    for (int j = 0; j < tk; j++) {
                        sum += scores[j] / total * v[j][h * dh + d];
                    }
                    out[i][h * dh + d] = (float) sum;
                }
            }
        }
        return out;
    }

    /** PyTorch conv1d for one sample: x [c][w], w [o][c][k]. */
    static float[][] conv1d(float[][] x, float[][][] w, float[] b, int stride, int padding) {
        int width = x[0].length;
        int kernel = w[0][0].length;
        int outWidth = (width + 2 * padding - kernel) / stride + 1;
        float[][] y = new float[w.length][outWidth];
        for (int o = 0; o < w.length; o++) {
            for (int p = 0; p < outWidth; p++) {
                double sum = b[o];
                for (int c = 0; c < x.length; c++) {
                    for (int j = 0; j < kernel; j++) {
                        int at = p * stride - padding + j;
                        if (at >= 0 && at < width) {
                            sum += (double) x[c][at] * w[o][c][j];
                        }
                    }
                }
                y[o][p] = (float) sum;
            }
        }
        return y;
    }
}
