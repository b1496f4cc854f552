package dev.glimpse.caption;

import dev.glimpse.ml.generation.DecoderSession;
import dev.glimpse.ml.generation.LogitsProcessor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * BLIP's greedy captioning: {@link dev.glimpse.ml.generation.GreedySearch} from the start token to the end token
 * ({@code [SEP]}), with no logits rules.
 */
final class GreedyCaptioning {

    private GreedyCaptioning() {}

    /**
     * Returns, for each of the session's rows, the start token, the generated tokens and the end token if one was
     * generated.
     */
    static List<int[]> generate(DecoderSession session, int rows, int startToken, int endToken, int maxNewTokens) {
        int[][] prompts = new int[rows][];
        Arrays.fill(prompts, new int[] {startToken});
        return List.of(dev.glimpse.ml.generation.GreedySearch.generate(
                session, prompts, maxNewTokens, Set.of(endToken), LogitsProcessor.NONE));
    }
}
