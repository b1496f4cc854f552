package dev.glimpse.storage;

import java.time.Duration;

/**
 * The blob store has no room (the disk is full, or its free space is below
 * {@code glimpse.storage.local.min-free-space}): nothing was stored, and nothing will be until space is freed.
 */
public class StorageFullException extends StorageUnavailableException {

    public StorageFullException(String message) {
        super(message, null);
    }

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER_FULL;
    }
}
