package dev.glimpse.library;

import dev.glimpse.imaging.BrowserRendition;
import dev.glimpse.storage.BlobStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The stored images for pages, the API and other features: one image or a page of them, their bytes and thumbnails,
 * delete and re-caption, and a subscription to every committed change. Deleted images are never returned.
 */
@Service
public class ImageService {

    private static final int CONFLICT_ATTEMPTS = 5;

    private final ImageRepository images;
    private final BlobStore blobs;
    private final ImageLifecycle lifecycle;
    private final ImageUpdates updates;

    ImageService(ImageRepository images, BlobStore blobs, ImageLifecycle lifecycle, ImageUpdates updates) {
        this.images = images;
        this.blobs = blobs;
        this.lifecycle = lifecycle;
        this.updates = updates;
    }

    /** One page of the library, latest taken first (the upload time standing in when unknown). */
    public Page<ImageSummary> library(int page, int size) {
        return images.findByStatusNotOrderByCaptureTakenAtDescCreatedAtDescIdDesc(
                        ImageStatus.DELETED, PageRequest.of(page, size))
                .map(ImageSummary::of);
    }

    /** The newest captioned ({@code READY}) images, at most {@code limit} of them; read-only. */
    public List<ImageSummary> captioned(int limit) {
        return images.findByStatusOrderByCreatedAtDesc(ImageStatus.READY, PageRequest.of(0, Math.max(1, limit)))
                .map(ImageSummary::of)
                .getContent();
    }

    public long count() {
        return images.countByStatusNot(ImageStatus.DELETED);
    }

    public Optional<ImageSummary> find(UUID id) {
        return images.findById(id)
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .map(ImageSummary::of);
    }

    /** The file names of those of the images that exist and are not deleted. */
    public Map<UUID, String> fileNames(Collection<UUID> ids) {
        return images.findAllById(ids).stream()
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .collect(Collectors.toMap(Image::getId, Image::getOriginalName));
    }

    /**
     * Deletes the image: its row now, then its blobs and index document. False when there is no such image. A row
     * changed meanwhile (claimed or finished by the caption pipeline) is read again and deleted, not answered 500.
     */
    public boolean delete(UUID id) {
        return retryingOnConflict(() -> lifecycle.delete(id));
    }

    /**
     * Queues a failed or captioned image to be captioned (again) with the current model. A caption written by a
     * person is replaced only when {@code replacePersonCaption} says so (the page asks first); otherwise false.
     */
    public boolean recaption(UUID id, boolean replacePersonCaption) {
        return retryingOnConflict(() -> lifecycle.requeue(id, replacePersonCaption));
    }

    /**
     * Calls the listener after every committed change to any image, with the image as it is now (null when it was
     * deleted). Pages subscribe while attached and close the subscription when detached.
     */
    public Subscription onChange(BiConsumer<UUID, @Nullable ImageSummary> listener) {
        return updates.subscribe(update -> listener.accept(update.id(), update.image()));
    }

    /** The stored original as it is served. */
    public Optional<StoredBytes> content(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getStorageKey())
                        .map(bytes -> new StoredBytes(bytes, image.getMimeType(), image.getSha256())));
    }

    /**
     * The image as a browser is shown it: the original, or for a format browsers cannot show (HEIC, AVIF) a JPEG
     * made from it ({@link BrowserRendition}).
     */
    public Optional<StoredBytes> display(UUID id) {
        return content(id)
                .map(stored -> BrowserRendition.jpegFor(stored.contentType(), stored.bytes())
                        .map(jpeg -> new StoredBytes(jpeg, "image/jpeg", "d-" + stored.etag()))
                        .orElse(stored));
    }

    /** The image's JPEG thumbnail as it is served. */
    public Optional<StoredBytes> thumbnail(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getThumbnailKey())
                        .map(bytes -> new StoredBytes(bytes, "image/jpeg", "t-" + image.getSha256())));
    }

    /**
     * Runs a user's change again when the pipeline changed the same row in between (it claims and finishes rows
     * concurrently, and the row's version catches that): the change is then applied to the row as it is now.
     */
    private static boolean retryingOnConflict(BooleanSupplier change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.getAsBoolean();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
