package dev.glimpse.ml.generation;

/** A model's rules applied to one row's next-token logits, in place, before the token is chosen. */
@FunctionalInterface
public interface LogitsProcessor {

    /** Leaves the logits as they are. */
    LogitsProcessor NONE = (logits, generated) -> {};

    /**
     * @param logits one row's logits over the vocabulary, changed in place
     * @param generated tokens this row has generated so far (0 at the first generated step)
     */
    void process(float[] logits, int generated);
}
