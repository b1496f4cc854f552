package dev.glimpse.storage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The object store could not be reached or refused the operation; nothing was stored. */
public class StorageUnavailableException extends RuntimeException {

    /** How long a client is asked to wait ({@code Retry-After}) while storage cannot be reached. */
    public static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(30);

    /** How long a client is asked to wait when storage is full: freeing space needs a person. */
    public static final Duration RETRY_AFTER_FULL = Duration.ofMinutes(5);

    public StorageUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** How long a client should wait before trying again. */
    public Duration retryAfter() {
        return RETRY_AFTER_UNAVAILABLE;
    }
}
