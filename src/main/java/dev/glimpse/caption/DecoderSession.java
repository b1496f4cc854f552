package dev.glimpse.caption;

/**
 * One decoding run of the text decoder over a set of rows (one row per sequence being extended),
 * all conditioned on their image. Generation strategies drive it; it hides whether keys and values
 * are cached or the whole prefix is recomputed each step.
 */
interface DecoderSession extends AutoCloseable {

    /**
     * Appends one token to every current row and returns the logits for the token after it,
     * {@code [rows][vocab]}.
     */
    float[][] next(int[] tokens);

    /**
     * Keeps the given rows, in this order, dropping the others; a row may be repeated (beam search
     * forks a sequence this way).
     */
    void keepRows(int[] rows);

    @Override
    void close();
}
