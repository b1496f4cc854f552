package dev.glimpse.library;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction that changed an image: {@link ImageChangeOutbox} appends it to the change log
 * before the commit (so every instance learns of it), {@link DeletedImageBlobs} acts after it. {@code image} is null
 * when the image was deleted; {@code version} is the row's version after the change.
 */
public record ImageChanged(
        UUID id,
        @Nullable ImageSummary image,
        float @Nullable [] embedding,
        long version,
        @Nullable Removed removed) {

    /** The keys of a deleted image's blobs, to remove after the row is gone. */
    record Removed(String storageKey, String thumbnailKey) {}

    public static ImageChanged updated(Image image) {
        return new ImageChanged(image.getId(), ImageSummary.of(image), image.getEmbedding(), image.getVersion(), null);
    }

    public static ImageChanged deleted(Image image) {
        return new ImageChanged(
                image.getId(),
                null,
                null,
                image.getVersion(),
                new Removed(image.getStorageKey(), image.getThumbnailKey()));
    }

    boolean isReady() {
        return image != null && image.status() == ImageStatus.READY;
    }
}
