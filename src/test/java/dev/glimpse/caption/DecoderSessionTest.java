package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.StageTimings;
import dev.glimpse.ml.generation.DecoderSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecoderSessionTest {

    private static final ReferenceOutputs REFERENCE = ReferenceOutputs.load();
    private static TinyBlip model;

    @BeforeAll
    static void load() {
        model = new TinyBlip();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void cachedAndUncachedSessionsGiveTheSameLogitsAfterReorderingRows() {
        try (NDManager request = model.manager.newSubManager();
                DecoderSession cached = new CachedDecoderSession(model.decoder, twoImages(request), StageTimings.NONE);
                DecoderSession uncached =
                        new UncachedDecoderSession(model.decoder, twoImages(request), StageTimings.NONE)) {
            int[][] steps = {{30522, 30522}, {1037, 2003}, {2158, 2158}, {7, 102}};
            for (int step = 0; step < steps.length; step++) {
                float[][] a = cached.next(steps[step]);
                float[][] b = uncached.next(steps[step]);
                for (int row = 0; row < a.length; row++) {
                    for (int i = 0; i < a[row].length; i++) {
                        assertThat(Math.abs(a[row][i] - b[row][i])).isLessThan(1e-4f);
                    }
                }
                if (step == 1) {
                    int[] forked = {1, 0, 1};
                    cached.keepRows(forked);
                    uncached.keepRows(forked);
                    steps[2] = new int[] {2158, 2158, 3000};
                    steps[3] = new int[] {7, 102, 5};
                }
            }
        }
    }

    @Test
    void cachedSessionKeepsOnlyTheCacheBetweenSteps() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray imageEmbeds = twoImages(request);
            int before = request.getManagedArrays().size();
            int[] counts = new int[6];
            try (DecoderSession session = new CachedDecoderSession(model.decoder, imageEmbeds, StageTimings.NONE)) {
                for (int step = 0; step < counts.length; step++) {
                    session.next(new int[] {30522, 1000 + step});
                    counts[step] = request.getManagedArrays().size();
                }
            }
            assertThat(counts[0]).isGreaterThan(before);
            assertThat(counts).containsOnly(counts[0]);
        }
    }

    private static NDArray twoImages(NDManager manager) {
        float[] embeds = REFERENCE.tensor("image_embeds");
        float[] two = new float[embeds.length * 2];
        for (int i = 0; i < embeds.length; i++) {
            two[i] = embeds[i];
            two[embeds.length + i] = embeds[embeds.length - 1 - i];
        }
        long[] shape = REFERENCE.shape("image_embeds");
        return manager.create(two, new Shape(2, shape[1], shape[2]));
    }
}
