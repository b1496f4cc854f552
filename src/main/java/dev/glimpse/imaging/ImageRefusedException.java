package dev.glimpse.imaging;

/** An upload that is not accepted, with the reason in words a person understands. Nothing was stored. */
public class ImageRefusedException extends RuntimeException {

    public ImageRefusedException(String reason) {
        super(reason);
    }

    public ImageRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
