package dev.glimpse.library;

/**
 * An accepted upload whose original and thumbnail are in the blob store, ready to become an {@link Image} row; its
 * width and height are as a viewer shows the picture (after EXIF orientation).
 */
public record StoredUpload(
        String sha256,
        String fileName,
        String mimeType,
        int width,
        int height,
        long byteSize,
        String storageKey,
        String thumbnailKey,
        PhotoFacts facts) {

    /** An upload whose photo says nothing about when or where it was taken. */
    public StoredUpload(
            String sha256,
            String fileName,
            String mimeType,
            int width,
            int height,
            long byteSize,
            String storageKey,
            String thumbnailKey) {
        this(sha256, fileName, mimeType, width, height, byteSize, storageKey, thumbnailKey, PhotoFacts.UNKNOWN);
    }
}
