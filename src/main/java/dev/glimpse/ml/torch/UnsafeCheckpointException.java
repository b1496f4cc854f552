package dev.glimpse.ml.torch;

/** A checkpoint was refused: it uses something a plain state dict does not need, or its sizes do not add up. */
public final class UnsafeCheckpointException extends RuntimeException {

    public UnsafeCheckpointException(String message) {
        super(message);
    }
}
