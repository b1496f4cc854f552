package dev.glimpse.library;

import dev.glimpse.serving.ModelUnavailableException;
import dev.glimpse.storage.StorageUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Turns an exception from captioning into one sentence a person can read, and tells expected conditions of the
 * installation (a model that cannot be loaded, storage or the database that cannot be reached), which are logged in one line, from
 * bugs, which are logged with their stack trace.
 */
public final class FailureReasons {

    private static final int MAX_LENGTH = 300;

    private FailureReasons() {}

    public static boolean isExpected(Throwable error) {
        return error instanceof ModelUnavailableException
                || error instanceof StorageUnavailableException
                || error instanceof DataAccessResourceFailureException // the database cannot be reached
                || error instanceof CannotCreateTransactionException;
    }

    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof StorageUnavailableException && root.getCause() != null) {
            message = message + " (" + root.getCause() + ")"; // which file or connection, and why
        }
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.length() <= MAX_LENGTH ? firstLine : firstLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
