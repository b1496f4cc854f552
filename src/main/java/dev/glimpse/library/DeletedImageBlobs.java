package dev.glimpse.library;

import dev.glimpse.storage.BlobStore;
import dev.glimpse.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Deletes a deleted image's blobs once the delete has committed, in the instance that deleted it (exactly once; the
 * shared blob store needs no per-instance work). The search index is not touched here: every instance's
 * {@link dev.glimpse.search.index.IndexFollower} removes the document when it applies the delete from the change log. If this fails or the
 * process dies first, the orphan blob sweeper removes the blobs after its grace period, since no row refers to them.
 */
@Component
class DeletedImageBlobs {

    private static final Logger log = LoggerFactory.getLogger(DeletedImageBlobs.class);

    private final BlobStore blobs;

    DeletedImageBlobs(BlobStore blobs) {
        this.blobs = blobs;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onImageChanged(ImageChanged change) {
        if (change.removed() == null) {
            return;
        }
        try {
            blobs.delete(change.removed().storageKey());
            blobs.delete(change.removed().thumbnailKey());
        } catch (StorageUnavailableException e) {
            // an expected outage: one line, no stack trace
            log.warn(
                    "Blobs of deleted image {} not removed; the orphan sweeper will: {}",
                    change.id(),
                    FailureReasons.describe(e));
        } catch (RuntimeException e) {
            log.warn("Blobs of deleted image {} not removed; the orphan sweeper will", change.id(), e);
        }
    }
}
