package dev.glimpse.speech;

/** One incremental decoder pass, for a batch of sequences, over the tokens that follow those already fed. */
@FunctionalInterface
interface DecoderStep {

    /**
     * Feeds {@code tokens} ([rows][new tokens], the same count in every row) and returns each row's vocabulary logits
     * at the last of them.
     */
    float[][] feed(int[][] tokens);
}
