package dev.glimpse.library;

/** An accepted upload whose original and thumbnail are in the blob store, ready to become an {@link Image} row. */
public record StoredUpload(
        String sha256,
        String fileName,
        String mimeType,
        int width,
        int height,
        long byteSize,
        String storageKey,
        String thumbnailKey) {}
