package dev.glimpse.imaging;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The image formats Glimpse knows, identified by the MIME type detected from their bytes. JPEG, PNG, WebP and GIF are
 * decoded through ImageIO ({@link ImageIoDecoder}); HEIF (HEIC) and AVIF need a {@link FormatDecoder} of their own,
 * plugged into {@link ImageDecoders}: without one they are refused with a reason that says so.
 */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png", "image/apng", "image/vnd.mozilla.apng"),
    WEBP("webp", "image/webp"),
    GIF("gif", "image/gif"),
    HEIF("heic", "image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"),
    AVIF("avif", "image/avif");

    private final String imageIoName;
    private final List<String> mimeTypes;

    ImageFormat(String imageIoName, String... mimeTypes) {
        this.imageIoName = imageIoName;
        this.mimeTypes = List.of(mimeTypes);
    }

    /** The MIME type the image is stored and served with. */
    public String mimeType() {
        return mimeTypes.getFirst();
    }

    /** The format's name among ImageIO's readers, also the usual file extension: jpeg, png, webp, gif, heic, avif. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The format as people name it: JPEG, PNG, WebP, GIF, HEIC, AVIF. */
    public String label() {
        return switch (this) {
            case WEBP -> "WebP";
            case HEIF -> "HEIC";
            default -> name();
        };
    }

    public static Optional<ImageFormat> ofMimeType(String mimeType) {
        return Arrays.stream(values())
                .filter(format -> format.mimeTypes.contains(mimeType))
                .findFirst();
    }
}
