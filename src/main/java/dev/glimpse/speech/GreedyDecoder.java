package dev.glimpse.speech;

import dev.glimpse.ml.generation.GreedySearch;
import java.util.Collection;
import java.util.Set;

/**
 * Whisper's greedy search as transformers runs it, for a batch of sequences with prompts of equal length: the one
 * loop of {@link GreedySearch} with Whisper's rules as its logits processor — at every step the
 * {@code suppress_tokens} are set to -inf, at the first generated step also the {@code begin_suppress_tokens}. A row
 * ends after an end token (which is kept; the row is then fed that token until the others finish) and all rows end
 * after {@code maxNewTokens}.
 */
final class GreedyDecoder {

    private final int[] suppressTokens;
    private final int[] beginSuppressTokens;
    private final Set<Integer> eosTokenIds;

    GreedyDecoder(int[] suppressTokens, int[] beginSuppressTokens, Set<Integer> eosTokenIds) {
        if (eosTokenIds.isEmpty()) {
            throw new IllegalArgumentException("Greedy decoding needs at least one end token");
        }
        this.suppressTokens = suppressTokens.clone();
        this.beginSuppressTokens = beginSuppressTokens.clone();
        this.eosTokenIds = Set.copyOf(eosTokenIds);
    }

    static GreedyDecoder of(WhisperGenerationConfig config) {
        return new GreedyDecoder(config.suppressTokens(), config.beginSuppressTokens(), config.eosTokenIds());
    }

    /** Returns the prompt followed by the generated tokens. */
    int[] generate(DecoderStep step, int[] prompt, int maxNewTokens) {
        return generate(step, new int[][] {prompt}, maxNewTokens)[0];
    }

    /** Returns each row's prompt followed by its generated tokens. */
    int[][] generate(DecoderStep step, int[][] prompts, int maxNewTokens) {
        return GreedySearch.generate(step, prompts, maxNewTokens, eosTokenIds, this::suppress);
    }

    /** Whisper's logits rules: the suppressed tokens always, the begin-suppressed ones at the first step. */
    private void suppress(float[] logits, int generated) {
        suppress(logits, suppressTokens);
        if (generated == 0) {
            suppress(logits, beginSuppressTokens);
        }
    }

    /** The candidate with the largest logit; on a tie the smallest id (all others masked, then arg-max). */
    static int argmaxAmong(float[] logits, Collection<Integer> candidates) {
        int best = -1;
        for (int candidate : candidates.stream().sorted().toList()) {
            if (candidate < 0 || candidate >= logits.length) {
                throw new IllegalArgumentException("Token " + candidate + " is outside the vocabulary");
            }
            if (best < 0 || logits[candidate] > logits[best]) {
                best = candidate;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("No candidate tokens");
        }
        return best;
    }

    private static void suppress(float[] logits, int[] tokens) {
        for (int token : tokens) {
            if (token >= 0 && token < logits.length) {
                logits[token] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
