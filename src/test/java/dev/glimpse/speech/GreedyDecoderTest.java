package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.generation.GreedySearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GreedyDecoderTest {

    private static final int VOCABULARY = 10;
    private static final int EOS = 9;

    /** A decoder whose preferences are fixed per step: logits rank the tokens in the given order. */
    private static final class RankingStep implements DecoderStep {
        private final List<int[]> preferences;
        private final List<int[]> fed = new ArrayList<>();

        RankingStep(List<int[]> preferences) {
            this.preferences = preferences;
        }

        @Override
        public float[][] feed(int[][] tokens) {
            fed.add(tokens[0].clone());
            int[] order = preferences.get(Math.min(fed.size() - 1, preferences.size() - 1));
            return new float[][] {ranked(order)};
        }
    }

    private static float[] ranked(int[] order) {
        float[] logits = new float[VOCABULARY];
        java.util.Arrays.fill(logits, -100f);
        for (int rank = 0; rank < order.length; rank++) {
            logits[order[rank]] = 10f - rank;
        }
        return logits;
    }

    @Test
    void suppressedTokensAreNeverChosenAndBeginSuppressionOnlyAtTheFirstStep() {
        GreedyDecoder decoder = new GreedyDecoder(new int[] {1}, new int[] {2}, Set.of(EOS));
        RankingStep step = new RankingStep(List.of(new int[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {EOS}));

        int[] sequence = decoder.generate(step, new int[] {7, 8}, 10);

        assertThat(sequence).containsExactly(7, 8, 3, 2, EOS);
    }

    @Test
    void stopsAtTheMaximumWithoutAnExtraDecoderPass() {
        GreedyDecoder decoder = new GreedyDecoder(new int[0], new int[0], Set.of(EOS));
        RankingStep step = new RankingStep(List.of(new int[] {4}));

        int[] sequence = decoder.generate(step, new int[] {7}, 3);

        assertThat(sequence).containsExactly(7, 4, 4, 4);
        assertThat(step.fed).hasSize(3);
        assertThat(step.fed.get(0)).containsExactly(7);
        assertThat(step.fed.get(1)).containsExactly(4);
    }

    @Test
    void endTokenIsKeptAndEndsGeneration() {
        GreedyDecoder decoder = new GreedyDecoder(new int[0], new int[0], Set.of(EOS));
        RankingStep step = new RankingStep(List.of(new int[] {5}, new int[] {EOS}));

        assertThat(decoder.generate(step, new int[] {7}, 10)).containsExactly(7, 5, EOS);
    }

    @Test
    void batchRowsDecodeIndependentlyAndAFinishedRowIsFedItsEndToken() {
        GreedyDecoder decoder = new GreedyDecoder(new int[] {1}, new int[0], Set.of(EOS));
        List<int[][]> fed = new ArrayList<>();
        DecoderStep step = tokens -> {
            fed.add(tokens);
            int call = fed.size() - 1;
            return new float[][] {
                ranked(call == 0 ? new int[] {1, 5} : new int[] {EOS}),
                ranked(call < 3 ? new int[] {6} : new int[] {EOS})
            };
        };

        int[][] sequences = decoder.generate(step, new int[][] {{7, 8}, {7, 3}}, 10);

        assertThat(sequences[0]).containsExactly(7, 8, 5, EOS);
        assertThat(sequences[1]).containsExactly(7, 3, 6, 6, 6, EOS);
        assertThat(fed.get(0)).isDeepEqualTo(new int[][] {{7, 8}, {7, 3}});
        assertThat(fed.get(2)).isDeepEqualTo(new int[][] {{EOS}, {6}});
        assertThat(fed).hasSize(4);
    }

    @Test
    void argmaxAmongCandidatesIgnoresBetterTokensOutsideThem() {
        float[] logits = {0f, 5f, 1f, 3f, 3f};

        assertThat(GreedyDecoder.argmaxAmong(logits, Set.of(2, 4, 3))).isEqualTo(3);
        assertThat(GreedySearch.argmax(logits)).isEqualTo(1);
    }
}
