package dev.glimpse.serving;

/**
 * A configured model cannot be used now — it is not downloaded and the hub cannot be reached, offline mode is on,
 * its folder is missing, or its files do not load. An expected condition of the installation, not a bug and not the
 * fault of the request that needed it: the API answers 503 with the message, logs say it in one line, the load is
 * tried again on the next use, and work that failed this way is retried once the model is available.
 */
public final class ModelUnavailableException extends RuntimeException {

    private final String role;
    private final String model;

    public ModelUnavailableException(String role, String model, Throwable cause) {
        super("the " + role + " model is unavailable: " + reason(cause), cause);
        this.role = role;
        this.model = model;
    }

    /** For a model known only by what it does. */
    public ModelUnavailableException(String role, Throwable cause) {
        this(role, role, cause);
    }

    /** What the model does: caption, speech, embedding. */
    public String role() {
        return role;
    }

    /** The configured model: a hub id or a folder. */
    public String model() {
        return model;
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
