package dev.glimpse.speech;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Whisper's greedy search as transformers runs it, for a batch of sequences with prompts of equal length: at every
 * step the {@code suppress_tokens} are set to -inf, at the first generated step also the
 * {@code begin_suppress_tokens}, then each row's arg-max token is appended. A row ends after an end token (which
 * is kept; the row is then fed that token until the others finish) and all rows end after {@code maxNewTokens}.
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
        int promptLength = prompts[0].length;
        int[][] sequences = new int[prompts.length][];
        int[] lengths = new int[prompts.length];
        for (int row = 0; row < prompts.length; row++) {
            if (prompts[row].length != promptLength) {
                throw new IllegalArgumentException("All prompts of a batch must have the same length");
            }
            sequences[row] = Arrays.copyOf(prompts[row], promptLength + Math.max(0, maxNewTokens));
            lengths[row] = promptLength;
        }
        if (maxNewTokens > 0) {
            decode(step, prompts, maxNewTokens, sequences, lengths);
        }
        int[][] result = new int[prompts.length][];
        for (int row = 0; row < prompts.length; row++) {
            result[row] = Arrays.copyOf(sequences[row], lengths[row]);
        }
        return result;
    }

    private void decode(DecoderStep step, int[][] prompts, int maxNewTokens, int[][] sequences, int[] lengths) {
        boolean[] finished = new boolean[prompts.length];
        int unfinished = prompts.length;
        float[][] logits = step.feed(prompts);
        for (int generated = 0; generated < maxNewTokens; generated++) {
            int[][] next = new int[prompts.length][1];
            for (int row = 0; row < prompts.length; row++) {
                if (finished[row]) {
                    next[row][0] = sequences[row][lengths[row] - 1];
                    continue;
                }
                int token = choose(logits[row], generated == 0);
                sequences[row][lengths[row]++] = token;
                next[row][0] = token;
                if (eosTokenIds.contains(token)) {
                    finished[row] = true;
                    unfinished--;
                }
            }
            if (unfinished == 0 || generated == maxNewTokens - 1) {
                return;
            }
            logits = step.feed(next);
        }
    }

    private int choose(float[] logits, boolean firstStep) {
        suppress(logits, suppressTokens);
        if (firstStep) {
            suppress(logits, beginSuppressTokens);
        }
        return argmax(logits);
    }

    /** The first index of the largest value, as {@code torch.argmax}. */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
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
