package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlocksTest extends ModelAndRequestManagers {

    private static final float TOLERANCE = 2e-5f;

    private final Random random = new Random(42);

    @Test
    void linearMatchesLoopsAndKeepsResultsOnTheRequestManager() {
        float[] w = Reference.random(random, 5 * 3);
        float[] b = Reference.random(random, 5);
        float[] x = Reference.random(random, 2 * 4 * 3);
        Linear linear = new Linear(Weights.of(
                Map.of("weight", model.create(w, new Shape(5, 3)), "bias", model.create(b, new Shape(5))), model));
        int onModel = model.getManagedArrays().size();

        NDArray y = linear.forward(request.create(x, new Shape(2, 4, 3)));

        assertThat(y.getShape()).isEqualTo(new Shape(2, 4, 5));
        assertThat(y.getManager()).isSameAs(request);
        float[] expected = Reference.flat(Reference.linear(Reference.rows(x, 0, 8, 3), Reference.rows(w, 0, 5, 3), b));
        assertThat(y.toFloatArray()).containsExactly(expected, within(TOLERANCE));
        request.close();
        assertThat(model.getManagedArrays()).hasSize(onModel);
    }

    @Test
    void layerNormMatchesLoops() {
        float[] gamma = Reference.random(random, 6);
        float[] beta = Reference.random(random, 6);
        float[] x = Reference.random(random, 3 * 6);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * 10 + 3;
        }
        LayerNorm norm = new LayerNorm(
                Weights.of(Map.of("weight", model.create(gamma), "bias", model.create(beta)), model), 1e-12f);

        NDArray y = norm.forward(request.create(x, new Shape(3, 6)));

        float[] expected = Reference.flat(Reference.layerNorm(Reference.rows(x, 0, 3, 6), gamma, beta, 1e-12f));
        assertThat(y.toFloatArray()).containsExactly(expected, within(TOLERANCE));
        assertThat(y.getManager()).isSameAs(request);
    }

    @Test
    void geluIsTheExactErfFormOnKnownValues() {
        NDArray y = Activations.gelu(request.create(new float[] {-3, -1, 0, 0.5f, 1, 2}));
        assertThat(y.toFloatArray())
                .containsExactly(
                        new float[] {-0.0040496941f, -0.15865525f, 0f, 0.34573123f, 0.84134475f, 1.9544997f},
                        within(1e-6f));
        float tanhApproximationAt1 = 0.8411920f;
        assertThat(y.toFloatArray()[4]).isNotCloseTo(tanhApproximationAt1, within(1e-4f));
    }

    @Test
    void embeddingLooksUpRowsOnTheIdsManager() {
        float[] table = Reference.random(random, 7 * 4);
        Embedding embedding = new Embedding(model.create(table, new Shape(7, 4)));

        NDArray y = embedding.forward(request.create(new long[] {6, 0, 3, 3}, new Shape(2, 2)));

        assertThat(y.getShape()).isEqualTo(new Shape(2, 2, 4));
        assertThat(y.getManager()).isSameAs(request);
        float[] values = y.toFloatArray();
        int[] ids = {6, 0, 3, 3};
        for (int i = 0; i < ids.length; i++) {
            for (int d = 0; d < 4; d++) {
                assertThat(values[i * 4 + d]).isEqualTo(table[ids[i] * 4 + d]);
            }
        }
    }

    @Test
    void splitAndMergeHeadsAreInverseAndPlaceHeadsAsTransformersDoes() {
        float[] x = Reference.random(random, 2 * 3 * 8);
        NDArray split = AttentionOps.splitHeads(request.create(x, new Shape(2, 3, 8)), 4);
        assertThat(split.getShape()).isEqualTo(new Shape(2, 4, 3, 2));
        // split[b][h][t][j] == x[b][t][h*2 + j]
        assertThat(split.getFloat(1, 3, 2, 1)).isEqualTo(x[(1 * 3 + 2) * 8 + 3 * 2 + 1]);
        assertThat(AttentionOps.mergeHeads(split).toFloatArray()).containsExactly(x);
    }

    @Test
    void causalMaskWithCacheOffsetLetsEachQuerySeeItselfAndEverythingBefore() {
        NDArray mask = AttentionOps.causalMask(request, 2, 5);
        assertThat(mask.getShape()).isEqualTo(new Shape(1, 1, 2, 5));
        float m = AttentionOps.MASKED;
        assertThat(mask.toFloatArray()).containsExactly(0, 0, 0, 0, m, 0, 0, 0, 0, 0);
        assertThat(AttentionOps.causalMask(request, 3, 3).toFloatArray()).containsExactly(0, m, m, 0, 0, m, 0, 0, 0);
    }

    @Test
    void paddingMaskHidesPaddedKeys() {
        NDArray mask = AttentionOps.paddingMask(request.create(new long[] {1, 1, 0, 1, 0, 0}, new Shape(2, 3)));
        assertThat(mask.getShape()).isEqualTo(new Shape(2, 1, 1, 3));
        float m = AttentionOps.MASKED;
        assertThat(mask.toFloatArray()).containsExactly(0, 0, m, 0, m, m);
    }

    @Test
    void scaledDotProductWithPaddingAndCausalMasksMatchesLoops() {
        int b = 2;
        int heads = 3;
        int t = 4;
        int width = 6;
        float[] q = Reference.random(random, b * t * width);
        float[] k = Reference.random(random, b * t * width);
        float[] v = Reference.random(random, b * t * width);
        long[] attention = {1, 1, 1, 1, 1, 1, 0, 0};
        NDArray mask = AttentionOps.paddingMask(request.create(attention, new Shape(b, t)))
                .add(AttentionOps.causalMask(request, t, t));

        NDArray out = AttentionOps.mergeHeads(AttentionOps.scaledDotProduct(
                heads(q, b, t, width, heads), heads(k, b, t, width, heads), heads(v, b, t, width, heads), mask));

        for (int s = 0; s < b; s++) {
            boolean[] keys = Reference.keyMask(attention, s, t);
            int at = s * t * width;
            float[][] expected = Reference.attention(
                    Reference.rows(q, at, t, width),
                    Reference.rows(k, at, t, width),
                    Reference.rows(v, at, t, width),
                    heads,
                    keys,
                    true);
            assertThat(out.get(s).toFloatArray()).containsExactly(Reference.flat(expected), within(TOLERANCE));
        }
    }

    private NDArray heads(float[] x, int b, int t, int width, int heads) {
        return AttentionOps.splitHeads(request.create(x, new Shape(b, t, width)), heads);
    }

    @Test
    void conv1dAndConv2dMatchLoops() {
        float[] x = Reference.random(random, 2 * 9);
        float[] w = Reference.random(random, 3 * 2 * 3);
        float[] b = Reference.random(random, 3);
        NDArray y = Conv.conv1d(
                request.create(x, new Shape(1, 2, 9)), model.create(w, new Shape(3, 2, 3)), model.create(b), 2, 1);
        float[][][] kernel = new float[3][][];
        for (int o = 0; o < 3; o++) {
            kernel[o] = Reference.rows(w, o * 6, 2, 3);
        }
        float[][] expected = Reference.conv1d(Reference.rows(x, 0, 2, 9), kernel, b, 2, 1);
        assertThat(y.getShape()).isEqualTo(new Shape(1, 3, 5));
        assertThat(y.toFloatArray()).containsExactly(Reference.flat(expected), within(TOLERANCE));
        assertThat(y.getManager()).isSameAs(request);

        // a 2-D patch embedding: non-overlapping 2×2 patches, one output channel = weighted patch sum + bias
        float[] image = Reference.random(random, 4 * 4);
        float[] patch = Reference.random(random, 4);
        NDArray z = Conv.conv2d(
                request.create(image, new Shape(1, 1, 4, 4)),
                model.create(patch, new Shape(1, 1, 2, 2)),
                model.create(new float[] {0.5f}),
                2,
                0);
        assertThat(z.getShape()).isEqualTo(new Shape(1, 1, 2, 2));
        float expectedTopRight =
                0.5f + image[2] * patch[0] + image[3] * patch[1] + image[6] * patch[2] + image[7] * patch[3];
        assertThat(z.getFloat(0, 0, 0, 1)).isCloseTo(expectedTopRight, within(TOLERANCE));
    }
}
