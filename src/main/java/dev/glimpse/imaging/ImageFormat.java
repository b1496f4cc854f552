package dev.glimpse.imaging;

import java.util.Arrays;
import java.util.Optional;

/** The image formats Glimpse accepts, identified by the MIME type detected from their bytes. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif");

    private final String mimeType;
    private final String imageIoName;

    ImageFormat(String mimeType, String imageIoName) {
        this.mimeType = mimeType;
        this.imageIoName = imageIoName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format's name among ImageIO's readers, also the usual file extension: jpeg, png, webp, gif. */
    public String imageIoName() {
        return imageIoName;
    }

    public static Optional<ImageFormat> ofMimeType(String mimeType) {
        return Arrays.stream(values())
                .filter(format -> format.mimeType.equals(mimeType))
                .findFirst();
    }
}
