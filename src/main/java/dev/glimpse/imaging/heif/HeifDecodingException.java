package dev.glimpse.imaging.heif;

/**
 * A HEIC or AVIF file that cannot be decoded. The message is a phrase about the file that can follow its name
 * ("is damaged or incomplete", "uses a HEIF feature Glimpse cannot read (…)"), in the style of the upload's refusals.
 */
public class HeifDecodingException extends RuntimeException {

    public HeifDecodingException(String reason) {
        super(reason);
    }

    public HeifDecodingException(String reason, Throwable cause) {
        super(reason, cause);
    }

    static HeifDecodingException damaged(String detail) {
        return new HeifDecodingException("is damaged or incomplete (" + detail + ")");
    }

    static HeifDecodingException unsupported(String feature) {
        return new HeifDecodingException("uses a HEIF feature Glimpse cannot read (" + feature + ")");
    }
}
