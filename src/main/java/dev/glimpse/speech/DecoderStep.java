package dev.glimpse.speech;

/** One incremental decoder pass over the tokens that follow those already fed. */
@FunctionalInterface
interface DecoderStep {

    /** Feeds {@code tokens} and returns the vocabulary logits at the last of them. */
    float[] feed(int[] tokens);
}
