package dev.glimpse.library;

import dev.glimpse.serving.ModelUnavailableException;

/** Why an image FAILED: something about the image itself, or a model that was not available at the time. */
public enum FailureKind {
    /** The image could not be captioned (unreadable, missing bytes, the model failed on it). */
    IMAGE,
    /** A model was missing; not the image's fault, so it is queued again when the model becomes available. */
    MODEL;

    public static FailureKind of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelUnavailableException) {
                return MODEL;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return IMAGE;
    }
}
