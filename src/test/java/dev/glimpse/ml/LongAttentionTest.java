package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AttentionOps over long sequences runs in groups of heads and blocks of queries; the result must not change. */
class LongAttentionTest {

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
    void headsGroupedSoThatEachGroupsScoresStayWithinTheLimit() {
        long limit = ScaledAttention.SCORES_BYTES_PER_GROUP;
        assertThat(ScaledAttention.groupsOf(12, limit / 12)).isEqualTo(1);
        assertThat(ScaledAttention.groupsOf(8, limit / 4)).isEqualTo(2);
        assertThat(ScaledAttention.groupsOf(8, limit / 3)).isEqualTo(4);
        assertThat(ScaledAttention.groupsOf(6, limit / 4)).isEqualTo(2);
        assertThat(ScaledAttention.groupsOf(8, limit * 2)).isEqualTo(8);
    }

    @Test
    void longSequenceInGroupsAndBlocksEqualsAllHeadsAtOnce() {
        int heads = 4;
        int length = 1100; // 4 heads × 1,100² floats = 19 MB of scores: 2 groups of heads, 3 blocks of queries each
        int headSize = 8;
        assertThat(ScaledAttention.groupsOf(heads, (long) length * length * Float.BYTES))
                .isGreaterThan(1);
        Shape shape = new Shape(1, heads, length, headSize);
        NDArray q = manager.randomUniform(-1, 1, shape);
        NDArray k = manager.randomUniform(-1, 1, shape);
        NDArray v = manager.randomUniform(-1, 1, shape);
        long[] attended = new long[length];
        java.util.Arrays.fill(attended, 0, length - 100, 1);
        NDArray padding = AttentionOps.paddingMask(manager.create(attended, new Shape(1, length)));
        NDArray expected = AttentionOps.scaledDotProduct(q, k, v, padding);

        NDArray actual =
                ScaledAttention.attend(q.mul(1 / Math.sqrt(headSize)), AttentionOps.transposeKeys(k), v, padding);

        assertThat(actual.getShape()).isEqualTo(shape);
        assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
    }
}
