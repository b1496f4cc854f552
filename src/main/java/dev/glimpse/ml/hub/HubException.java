package dev.glimpse.ml.hub;

/**
 * A model could not be made available locally: a required file is missing in offline mode, the hub refused or
 * broke a download, or a downloaded file failed verification. The message says which file and what to do.
 */
public final class HubException extends RuntimeException {

    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
