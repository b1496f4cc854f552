package dev.glimpse.examples;

/** An example could not be had from a source (network error, time-out, too large, not an image); it is skipped. */
final class ExampleUnavailableException extends RuntimeException {

    ExampleUnavailableException(String message) {
        super(message);
    }

    ExampleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
