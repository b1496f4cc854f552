package dev.glimpse.speech;

/**
 * A recording could not be turned into audio samples. The message is written for the person who made
 * the recording ("The recording is empty.") and may be shown to them as it is.
 */
public final class AudioDecodingException extends RuntimeException {

    public AudioDecodingException(String message) {
        super(message);
    }

    public AudioDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
