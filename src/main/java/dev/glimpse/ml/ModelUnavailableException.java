package dev.glimpse.ml;

/**
 * A model could not be loaded — its files are missing and the hub cannot be reached, offline mode is on, or the
 * checkpoint cannot be read. An expected condition of the installation, not a bug: the API answers 503 with the
 * message, logs say it in one line, and the load is tried again on the next use.
 */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String model, Throwable cause) {
        super("the " + model + " model is unavailable: " + reason(cause), cause);
    }

    /** The first line of the cause's message (its class name when it has none). */
    static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
