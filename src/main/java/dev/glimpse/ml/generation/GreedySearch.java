package dev.glimpse.ml.generation;

import java.util.Arrays;
import java.util.Set;

/**
 * Greedy decoding as transformers' {@code generate(num_beams=1)}: after the prompt, each row takes the highest
 * logit (the first on ties) once the {@link LogitsProcessor} has applied the model's rules, until an end token
 * (kept) or the token limit; there is no decoder pass after the last token. Finished rows are dropped from sessions
 * that {@linkplain DecoderSession#dropsRows() can drop rows}, which leaves the other rows' results unchanged;
 * other sessions are fed a finished row's end token again until every row is done.
 */
public final class GreedySearch {

    private GreedySearch() {}

    /** Returns each row's prompt followed by its generated tokens. */
    public static int[][] generate(
            DecoderSession session,
            int[][] prompts,
            int maxNewTokens,
            Set<Integer> endTokens,
            LogitsProcessor processor) {
        if (endTokens.isEmpty()) {
            throw new IllegalArgumentException("Greedy decoding needs at least one end token");
        }
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
            decode(session, prompts, maxNewTokens, endTokens, processor, sequences, lengths);
        }
        int[][] result = new int[prompts.length][];
        for (int row = 0; row < prompts.length; row++) {
            result[row] = Arrays.copyOf(sequences[row], lengths[row]);
        }
        return result;
    }

    private static void decode(
            DecoderSession session,
            int[][] prompts,
            int maxNewTokens,
            Set<Integer> endTokens,
            LogitsProcessor processor,
            int[][] sequences,
            int[] lengths) {
        boolean dropsRows = session.dropsRows();
        boolean[] finished = new boolean[prompts.length];
        int[] active = new int[prompts.length]; // the sequence each of the session's rows extends
        for (int row = 0; row < active.length; row++) {
            active[row] = row;
        }
        float[][] logits = session.prompt(prompts);
        for (int generated = 0; generated < maxNewTokens; generated++) {
            int[] running = new int[active.length];
            int stillRunning = 0;
            for (int row = 0; row < active.length; row++) {
                int sequence = active[row];
                if (finished[sequence]) {
                    continue;
                }
                processor.process(logits[row], generated);
                int token = argmax(logits[row]);
                sequences[sequence][lengths[sequence]++] = token;
                if (endTokens.contains(token)) {
                    finished[sequence] = true;
                } else {
                    running[stillRunning++] = row;
                }
            }
            if (stillRunning == 0 || generated == maxNewTokens - 1) {
                return;
            }
            if (dropsRows && stillRunning < active.length) {
                int[] kept = Arrays.copyOf(running, stillRunning);
                session.keepRows(kept);
                int[] nextActive = new int[stillRunning];
                for (int i = 0; i < stillRunning; i++) {
                    nextActive[i] = active[kept[i]];
                }
                active = nextActive;
            }
            int[] feed = new int[active.length];
            for (int row = 0; row < active.length; row++) {
                feed[row] = sequences[active[row]][lengths[active[row]] - 1];
            }
            logits = session.next(feed);
        }
    }

    /** The first index of the largest value, as {@code torch.argmax}. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
