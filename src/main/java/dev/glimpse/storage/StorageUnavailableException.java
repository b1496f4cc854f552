package dev.glimpse.storage;

/** The object store could not be reached or refused the operation; nothing was stored. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
