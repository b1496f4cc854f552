package dev.glimpse.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The image formats Glimpse accepts, identified by the MIME type detected from their bytes. */
enum ImageFormat {
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

    String mimeType() {
        return mimeType;
    }

    String imageIoName() {
        return imageIoName;
    }

    static Optional<ImageFormat> ofMimeType(String mimeType) {
        return Arrays.stream(values())
                .filter(format -> format.mimeType.equals(mimeType))
                .findFirst();
    }
}
