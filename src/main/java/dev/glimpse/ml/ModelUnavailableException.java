package dev.glimpse.ml;

/**
 * A configured model cannot be used now — it is not downloaded and the hub cannot be reached, its folder is
 * missing, or its files do not load. Not the fault of the request that needed it: work that failed this way can be
 * tried again once the model is available.
 */
public final class ModelUnavailableException extends RuntimeException {

    private final String role;
    private final String model;

    public ModelUnavailableException(String role, String model, Throwable cause) {
        super("The " + role + " model " + model + " is not available: " + cause.getMessage(), cause);
        this.role = role;
        this.model = model;
    }

    /** What the model does: caption, speech, embedding. */
    public String role() {
        return role;
    }

    public String model() {
        return model;
    }
}
