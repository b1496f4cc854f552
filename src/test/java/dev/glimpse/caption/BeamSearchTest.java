package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.generation.BeamSearch;
import dev.glimpse.ml.generation.DecoderSession;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Beam search on a tiny language model given as a table of next-token probabilities (the next token
 * depends on the last one only), where the best sequence is known by hand.
 */
class BeamSearchTest {

    private static final int END = 0;
    private static final int START = 1;
    private static final int A = 2;
    private static final int B = 3;
    private static final int C = 4;

    /**
     * From START: A 0.5, B 0.4. After A: END 0.3, B 0.35, C 0.35. After B or C: END 0.9. Greedy takes
     * START A B END (mean log-probability -0.616); START B END (-0.510) is better.
     */
    private static final double[][] NEXT = {
        {0.2, 0.2, 0.2, 0.2, 0.2},
        {0.1 - 4e-6, 1e-6, 0.5, 0.4, 3e-6},
        {0.3 - 1e-6, 1e-6, 0, 0.35, 0.35},
        {0.9, 1e-6, 0.05, 0.05 - 1e-6, 0},
        {0.9, 1e-6, 0.05, 0, 0.05 - 1e-6},
    };

    @Test
    void twoBeamsFindTheSequenceGreedyDecodingMisses() {
        List<int[]> beam = new BeamSearch(2, START, END, 10, 1.0).generate(new TableSession(1), 1);
        List<int[]> greedy = GreedyCaptioning.generate(new TableSession(1), 1, START, END, 10);

        assertThat(greedy.getFirst()).containsExactly(START, A, B, END);
        assertThat(beam.getFirst()).containsExactly(START, B, END);
    }

    @Test
    void oneBeamIsGreedy() {
        List<int[]> beam = new BeamSearch(1, START, END, 10, 1.0).generate(new TableSession(1), 1);

        assertThat(beam.getFirst()).containsExactly(START, A, B, END);
    }

    @Test
    void everyInputOfABatchIsSearchedOnItsOwn() {
        List<int[]> beams = new BeamSearch(2, START, END, 10, 1.0).generate(new TableSession(3), 3);

        assertThat(beams).hasSize(3).allSatisfy(ids -> assertThat(ids).containsExactly(START, B, END));
    }

    @Test
    void tokenLimitEndsSequencesWithoutEndToken() {
        List<int[]> beam = new BeamSearch(2, START, END, 1, 1.0).generate(new TableSession(1), 1);

        assertThat(beam.getFirst()).containsExactly(START, A);
    }

    @Test
    void topIndicesAreSortedLargestFirst() {
        float[] values = {0.1f, 5f, -2f, 5f, 3f, 4f};

        assertThat(BeamSearch.topIndices(values, 4)).containsExactly(1, 3, 5, 4);
    }

    /** Rows whose next-token logits are the log-probabilities of the table row of their last token. */
    private static final class TableSession implements DecoderSession {
        private int rows;

        TableSession(int rows) {
            this.rows = rows;
        }

        @Override
        public float[][] next(int[] tokens) {
            assertThat(tokens).hasSize(rows);
            return Arrays.stream(tokens)
                    .mapToObj(TableSession::logProbabilities)
                    .toArray(float[][]::new);
        }

        private static float[] logProbabilities(int token) {
            float[] logits = new float[NEXT.length];
            for (int next = 0; next < logits.length; next++) {
                logits[next] = (float) Math.log(Math.max(NEXT[token][next], 1e-12));
            }
            return logits;
        }

        @Override
        public void keepRows(int[] kept) {
            rows = kept.length;
        }

        @Override
        public void close() {}
    }
}
