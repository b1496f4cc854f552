package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StackedProjectionsTest {

    private static final float TOLERANCE = 2e-5f;

    private final Random random = new Random(7);
    private NDManager manager;

    @BeforeEach
    void manager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void stackedLayerGivesEachPartsOutputSideBySideAndZeroForAMissingBias() {
        Linear withBias = linear(5, 3, true);
        Linear withoutBias = linear(2, 3, false);
        NDArray x = manager.create(Reference.random(random, 4 * 3), new Shape(1, 4, 3));
        NDArray expected = withBias.forward(x).concat(withoutBias.forward(x), 2);

        Linear stacked = Linear.stack(List.of(withBias, withoutBias));

        assertThat(stacked.outFeatures()).isEqualTo(7);
        assertThat(stacked.forward(x).toFloatArray()).containsExactly(expected.toFloatArray(), within(TOLERANCE));
    }

    @Test
    void stackingRefusesLayersOfDifferentInputWidths() {
        assertThatThrownBy(() -> Linear.stack(List.of(linear(2, 3, true), linear(2, 4, true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input width");
    }

    @Test
    void scaledLayerMultipliesWeightAndBias() {
        Linear layer = linear(3, 2, true);
        NDArray x = manager.create(Reference.random(random, 2), new Shape(1, 2));
        float[] expected = layer.forward(x).mul(0.125f).toFloatArray();

        assertThat(layer.scaled(0.125f).forward(x).toFloatArray()).containsExactly(expected, within(1e-7f));
    }

    @Test
    void stackedHeadsSplitAsEachProjectionSplitAloneForOneAndForSeveralPositions() {
        for (int positions : new int[] {1, 3}) {
            NDArray q = manager.create(Reference.random(random, 2 * positions * 8), new Shape(2, positions, 8));
            NDArray k = manager.create(Reference.random(random, 2 * positions * 8), new Shape(2, positions, 8));
            NDArray v = manager.create(Reference.random(random, 2 * positions * 8), new Shape(2, positions, 8));

            NDArray[] split = AttentionOps.splitHeads(q.concat(k, 2).concat(v, 2), 4, 3);

            assertThat(split).hasSize(3);
            NDArray[] alone = {q, k, v};
            for (int part = 0; part < 3; part++) {
                NDArray expected = AttentionOps.splitHeads(alone[part], 4);
                assertThat(split[part].getShape()).isEqualTo(expected.getShape());
                assertThat(split[part].toFloatArray()).containsExactly(expected.toFloatArray());
            }
        }
    }

    @Test
    void selfAttentionWithStackedProjectionsEqualsTheTextbookComputation() {
        int width = 8;
        int heads = 2;
        Linear query = linear(width, width, true);
        Linear key = linear(width, width, false);
        Linear value = linear(width, width, true);
        NDArray x = manager.create(Reference.random(random, 5 * width), new Shape(1, 5, width));
        NDArray expected = AttentionOps.mergeHeads(AttentionOps.scaledDotProduct(
                AttentionOps.splitHeads(query.forward(x), heads),
                AttentionOps.splitHeads(key.forward(x), heads),
                AttentionOps.splitHeads(value.forward(x), heads),
                AttentionOps.causalMask(manager, 5, 5)));

        QkvAttention attention = QkvAttention.selfAttention(query, key, value, heads);

        NDArray actual = attention.selfAttend(x, AttentionOps.causalMask(manager, 5, 5), null);
        assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray(), within(TOLERANCE));
        assertThatThrownBy(() -> attention.crossAttend(x, x, null, null)).isInstanceOf(IllegalStateException.class);
    }

    private Linear linear(int out, int in, boolean bias) {
        NDArray weight = manager.create(Reference.random(random, out * in), new Shape(out, in));
        return new Linear(weight, bias ? manager.create(Reference.random(random, out)) : null);
    }
}
