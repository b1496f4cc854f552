package dev.glimpse.speech;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Whisper's greedy search as transformers runs it: after the prompt, at every step the {@code suppress_tokens}
 * are set to -inf, at the first generated step also the {@code begin_suppress_tokens}, then the arg-max token is
 * appended; generation ends after an end token (which is kept) or {@code maxNewTokens} tokens.
 */
final class GreedyDecoder {

    private final int[] suppressTokens;
    private final int[] beginSuppressTokens;
    private final Set<Integer> eosTokenIds;

    GreedyDecoder(int[] suppressTokens, int[] beginSuppressTokens, Set<Integer> eosTokenIds) {
        this.suppressTokens = suppressTokens.clone();
        this.beginSuppressTokens = beginSuppressTokens.clone();
        this.eosTokenIds = Set.copyOf(eosTokenIds);
    }

    static GreedyDecoder of(WhisperGenerationConfig config) {
        return new GreedyDecoder(config.suppressTokens(), config.beginSuppressTokens(), config.eosTokenIds());
    }

    /** Returns the prompt followed by the generated tokens. */
    int[] generate(DecoderStep step, int[] prompt, int maxNewTokens) {
        int[] sequence = Arrays.copyOf(prompt, prompt.length + Math.max(0, maxNewTokens));
        int length = prompt.length;
        if (maxNewTokens <= 0) {
            return Arrays.copyOf(sequence, length);
        }
        float[] logits = step.feed(prompt);
        for (int generated = 0; generated < maxNewTokens; generated++) {
            suppress(logits, suppressTokens);
            if (generated == 0) {
                suppress(logits, beginSuppressTokens);
            }
            int token = argmax(logits);
            sequence[length++] = token;
            if (eosTokenIds.contains(token) || generated == maxNewTokens - 1) {
                break;
            }
            logits = step.feed(new int[] {token});
        }
        return Arrays.copyOf(sequence, length);
    }

    boolean isEos(int token) {
        return eosTokenIds.contains(token);
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
