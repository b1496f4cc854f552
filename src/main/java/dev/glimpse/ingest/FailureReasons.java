package dev.glimpse.ingest;

/** Turns an exception from captioning into one sentence a person can read. */
final class FailureReasons {

    private static final int MAX_LENGTH = 300;

    private FailureReasons() {}

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.length() <= MAX_LENGTH ? firstLine : firstLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
