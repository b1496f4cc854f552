package dev.glimpse.ml.generation;

/**
 * One decoding run over a set of rows (one row per sequence being extended). Generation strategies drive it; it
 * hides how the model keeps what it has seen (a key/value cache or the whole prefix recomputed each step).
 */
public interface DecoderSession extends AutoCloseable {

    /** Appends one token to every current row and returns the logits for the token after it, [rows][vocab]. */
    float[][] next(int[] tokens);

    /**
     * Feeds each row's prompt (all of one length) and returns the logits after its last token. By default one
     * {@link #next} per prompt position; sessions that can take a whole prompt in one pass override it.
     */
    default float[][] prompt(int[][] prompts) {
        float[][] logits = null;
        int[] column = new int[prompts.length];
        for (int position = 0; position < prompts[0].length; position++) {
            for (int row = 0; row < prompts.length; row++) {
                column[row] = prompts[row][position];
            }
            logits = next(column);
        }
        return logits;
    }

    /**
     * Keeps the given rows, in this order, dropping the others; a row may be repeated (beam search forks a
     * sequence this way).
     */
    void keepRows(int[] rows);

    /**
     * Whether {@link #keepRows} is supported. Greedy search drops finished rows from sessions that can; it feeds
     * the others each finished row's last token again until every row is done.
     */
    default boolean dropsRows() {
        return true;
    }

    @Override
    void close();
}
