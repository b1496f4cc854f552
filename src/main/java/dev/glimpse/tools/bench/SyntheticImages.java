package dev.glimpse.tools.bench;

import java.util.Random;

/**
 * The synthetic images {@link IndexBenchmark} indexes and queries with: captions of common words and 384-d unit
 * vectors, independent and uniformly random (no topics) or each near one of a number of random topic directions
 * (cosine ≈ 0.65 to its topic).
 */
final class SyntheticImages {

    static final int DIMENSIONS = 384;
    private static final String[] WORDS =
            ("a man woman child dog cat bird horse car bus train boat bike red blue green yellow white black "
                            + "small large old young sitting standing running walking eating playing holding riding "
                            + "on in near under beside street beach park field kitchen table room road river forest "
                            + "snow grass water city mountain sky building window door bench tree flowers")
                    .split(" ");

    private final float[][] centroids;

    /** Vectors around {@code topics} random topic directions; none: independent random unit vectors. */
    SyntheticImages(int topics) {
        Random random = new Random(3);
        centroids = new float[topics][];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = new float[DIMENSIONS];
            gaussianUnit(random, centroids[c], 0, null);
        }
    }

    int topics() {
        return centroids.length;
    }

    /** A caption of 5 to 10 common words. */
    static String caption(Random random) {
        int length = 5 + random.nextInt(6);
        StringBuilder caption = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                caption.append(' ');
            }
            caption.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return caption.toString();
    }

    /** A random unit vector, near one of the topics where there are topics. */
    float[] unitVector(Random random) {
        float[] vector = new float[DIMENSIONS];
        unitVector(random, vector, 0);
        return vector;
    }

    /** Writes a unit vector as {@link #unitVector(Random)} draws it to {@code target} at {@code offset}. */
    void unitVector(Random random, float[] target, int offset) {
        float[] centroid = centroids.length == 0 ? null : centroids[random.nextInt(centroids.length)];
        gaussianUnit(random, target, offset, centroid);
    }

    /** A random unit vector, or one near {@code centroid}: centroid + noise of norm ≈ 1.2, normalised. */
    private static void gaussianUnit(Random random, float[] target, int offset, float[] centroid) {
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            float value = centroid == null
                    ? (float) random.nextGaussian()
                    : centroid[d] + 0.06f * (float) random.nextGaussian();
            target[offset + d] = value;
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            target[offset + d] *= scale;
        }
    }
}
