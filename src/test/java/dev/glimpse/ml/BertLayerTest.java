package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BertLayerTest extends ModelAndRequestManagers {

    private static final float EPS = 1e-12f;
    private static final float TOLERANCE = 5e-5f;

    private final Random random = new Random(7);

    @Test
    void encoderLayerWithPaddingMatchesLoops() {
        RandomBert bert = new RandomBert(1, 8, 2, 16, 8, false);
        BertLayer layer = new BertLayer(bert.weights(model), 2, EPS);
        int t = 5;
        float[] x = Reference.random(random, 2 * t * 8);
        long[] attention = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        int onModel = model.getManagedArrays().size();

        NDArray out = layer.forward(
                request.create(x, new Shape(2, t, 8)),
                AttentionOps.paddingMask(request.create(attention, new Shape(2, t))),
                null,
                null,
                null);

        assertThat(layer.hasCrossAttention()).isFalse();
        for (int s = 0; s < 2; s++) {
            boolean[] keys = Reference.keyMask(attention, s, t);
            float[][] expected = bert.forward(Reference.rows(x, s * t * 8, t, 8), keys, false, null, null, EPS);
            assertThat(out.get(s).toFloatArray()).containsExactly(Reference.flat(expected), within(TOLERANCE));
        }
        request.close();
        assertThat(model.getManagedArrays()).hasSize(onModel);
    }

    @Test
    void decoderLayerWithCausalSelfAttentionAndMaskedCrossAttentionMatchesLoops() {
        RandomBert bert = new RandomBert(2, 8, 4, 12, 6, true);
        BertLayer layer = new BertLayer(bert.weights(model), 4, EPS);
        int t = 4;
        int s = 3;
        float[] x = Reference.random(random, 2 * t * 8);
        float[] encoder = Reference.random(random, 2 * s * 6);
        long[] encoderMask = {1, 1, 1, 1, 1, 0};

        NDArray out = layer.forward(
                request.create(x, new Shape(2, t, 8)),
                AttentionOps.causalMask(request, t, t),
                request.create(encoder, new Shape(2, s, 6)),
                AttentionOps.paddingMask(request.create(encoderMask, new Shape(2, s))),
                null);

        assertThat(layer.hasCrossAttention()).isTrue();
        for (int b = 0; b < 2; b++) {
            boolean[] sources = {true, true, b == 0};
            float[][] expected = bert.forward(
                    Reference.rows(x, b * t * 8, t, 8),
                    null,
                    true,
                    Reference.rows(encoder, b * s * 6, s, 6),
                    sources,
                    EPS);
            assertThat(out.get(b).toFloatArray()).containsExactly(Reference.flat(expected), within(TOLERANCE));
        }
    }

    @Test
    void incrementalDecodingWithKvCacheEqualsOneFullCausalPass() {
        RandomBert bert = new RandomBert(3, 8, 2, 16, 6, true);
        BertLayer first = new BertLayer(bert.weights(model), 2, EPS);
        BertLayer second = new BertLayer(new RandomBert(4, 8, 2, 16, 6, true).weights(model), 2, EPS);
        int t = 5;
        NDArray x = request.create(Reference.random(random, 2 * t * 8), new Shape(2, t, 8));
        NDArray encoder = request.create(Reference.random(random, 2 * 3 * 6), new Shape(2, 3, 6));
        NDArray causal = AttentionOps.causalMask(request, t, t);
        NDArray full = second.forward(first.forward(x, causal, encoder, null, null), causal, encoder, null, null);

        KvCache cache = new KvCache(2);
        // a prompt of two positions, then one position per step
        int[] steps = {2, 1, 1, 1};
        int done = 0;
        for (int step : steps) {
            NDArray chunk = x.get(new NDIndex(":, {}:{}", done, done + step));
            NDArray mask = AttentionOps.causalMask(request, step, (int) cache.length() + step);
            NDArray h = first.forward(chunk, mask, encoder, null, cache.layer(0));
            h = second.forward(h, mask, encoder, null, cache.layer(1));
            NDArray expected = full.get(new NDIndex(":, {}:{}", done, done + step));
            assertThat(h.toFloatArray()).containsExactly(expected.toFloatArray(), within(TOLERANCE));
            done += step;
            assertThat(cache.length()).isEqualTo(done);
        }
        assertThat(cache.layer(0).crossKeysTransposed().getShape()).isEqualTo(new Shape(2, 2, 4, 3));
    }

    @Test
    void cachedCrossAttentionIsComputedOnceAndReused() {
        BertLayer layer = new BertLayer(new RandomBert(5, 8, 2, 16, 6, true).weights(model), 2, EPS);
        KvCache cache = new KvCache(1);
        NDArray encoder = request.create(Reference.random(random, 3 * 6), new Shape(1, 3, 6));
        NDArray x = request.create(Reference.random(random, 8), new Shape(1, 1, 8));
        layer.forward(x, null, encoder, null, cache.layer(0));
        NDArray keys = cache.layer(0).crossKeysTransposed();

        layer.forward(x, null, encoder, null, cache.layer(0));

        assertThat(cache.layer(0).crossKeysTransposed()).isSameAs(keys);
        assertThat(cache.layer(0).length()).isEqualTo(2);
    }

    @Test
    void reorderKeepsTheChosenBatchRows() {
        KvCache cache = new KvCache(1);
        NDArray keys = request.create(new float[] {1, 2, 3}, new Shape(3, 1, 1, 1));
        cache.layer(0).appendSelf(keys, keys.duplicate());
        cache.layer(0).setCross(keys.duplicate(), keys.duplicate());

        cache.reorder(request.create(new long[] {2, 2, 0}));

        assertThat(cache.layer(0)
                        .appendSelf(
                                request.create(new float[] {9, 9, 9}, new Shape(3, 1, 1, 1)),
                                request.zeros(new Shape(3, 1, 1, 1)))[0]
                        .toFloatArray())
                .containsExactly(3, 9, 3, 9, 1, 9);
        assertThat(cache.layer(0).crossValues().toFloatArray()).containsExactly(3, 3, 1);
    }
}
