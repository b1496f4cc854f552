package dev.glimpse.speech;

import dev.glimpse.ml.generation.DecoderSession;

/**
 * One incremental decoder pass, for a batch of sequences, over the tokens that follow those already fed: a
 * {@link DecoderSession} that takes a whole prompt in one pass and keeps every row until the batch is done.
 */
@FunctionalInterface
interface DecoderStep extends DecoderSession {

    /**
     * Feeds {@code tokens} ([rows][new tokens], the same count in every row) and returns each row's vocabulary logits
     * at the last of them.
     */
    float[][] feed(int[][] tokens);

    @Override
    default float[][] prompt(int[][] prompts) {
        return feed(prompts);
    }

    @Override
    default float[][] next(int[] tokens) {
        int[][] column = new int[tokens.length][];
        for (int row = 0; row < tokens.length; row++) {
            column[row] = new int[] {tokens[row]};
        }
        return feed(column);
    }

    @Override
    default boolean dropsRows() {
        return false;
    }

    @Override
    default void keepRows(int[] rows) {
        throw new UnsupportedOperationException("A decoder step keeps every row of its batch");
    }

    @Override
    default void close() {}
}
