package dev.glimpse.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy decoding as transformers' {@code generate(num_beams=1)}: from the start token, pick the
 * highest logit (the first on ties) until the end token or the token limit. Rows that have ended
 * are dropped from the session rather than padded, which leaves the other rows' results unchanged.
 */
final class GreedySearch {

    private GreedySearch() {}

    /**
     * Returns, for each of the session's rows, the start token, the generated tokens and the end
     * token if one was generated.
     */
    static List<int[]> generate(DecoderSession session, int rows, int startToken, int endToken, int maxNewTokens) {
        List<List<Integer>> sequences = new ArrayList<>();
        int[] active = new int[rows];
        int[] feed = new int[rows];
        for (int row = 0; row < rows; row++) {
            sequences.add(new ArrayList<>(List.of(startToken)));
            active[row] = row;
            feed[row] = startToken;
        }
        for (int step = 0; step < maxNewTokens && active.length > 0; step++) {
            float[][] logits = session.next(feed);
            int[] stillRunning = new int[active.length];
            int running = 0;
            for (int row = 0; row < active.length; row++) {
                int token = argmax(logits[row]);
                sequences.get(active[row]).add(token);
                if (token != endToken) {
                    stillRunning[running++] = row;
                }
            }
            if (running < active.length && running > 0 && step + 1 < maxNewTokens) {
                session.keepRows(Arrays.copyOf(stillRunning, running));
            }
            int[] nextActive = new int[running];
            feed = new int[running];
            for (int i = 0; i < running; i++) {
                nextActive[i] = active[stillRunning[i]];
                feed[i] = sequences.get(nextActive[i]).getLast();
            }
            active = nextActive;
        }
        return sequences.stream()
                .map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
