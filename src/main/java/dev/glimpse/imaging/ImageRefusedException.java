package dev.glimpse.imaging;

/** An upload that is not accepted, with the reason in words a person understands. Nothing was stored. */
public class ImageRefusedException extends RuntimeException {

    /** Why, in the terms of the HTTP answer: too many bytes, a type not accepted, or content that is not acceptable. */
    public enum Kind {
        /** More bytes than the configured limit. */
        TOO_LARGE,
        /** Not one of the accepted image types. */
        UNSUPPORTED_TYPE,
        /** An accepted type, but empty, damaged, or too many pixels. */
        UNACCEPTABLE
    }

    private final Kind kind;

    public ImageRefusedException(String reason) {
        this(Kind.UNACCEPTABLE, reason);
    }

    public ImageRefusedException(String reason, Throwable cause) {
        super(reason, cause);
        this.kind = Kind.UNACCEPTABLE;
    }

    public ImageRefusedException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
