package dev.glimpse.ingest;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.storage.BlobStore;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a change is committed, brings the search index and the blob store in line: a captioned image gets its index
 * document (replaced, never duplicated); a deleted image loses its document and its blobs. Listeners of two changes
 * to one image can run in either order (a caption finishing while the user deletes the image, or two re-captions),
 * so the work for one image is serialised and a READY change is indexed only while the row is still READY at that
 * version: a late caption can neither bring back a deleted image nor replace a newer caption. If this fails, startup
 * repair and the blob sweeper finish the job, since the database already holds the truth. An image deleted with undo
 * ({@link ImageStatus#DELETED}) loses its document at once and gets it back when it is restored.
 */
@Component
class IndexUpdater {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);
    private static final int LOCK_STRIPES = 64;

    private final ImageIndex index;
    private final BlobStore blobs;
    private final ImageRepository images;
    private final Object[] locks = new Object[LOCK_STRIPES];

    IndexUpdater(ImageIndex index, BlobStore blobs, ImageRepository images) {
        this.index = index;
        this.blobs = blobs;
        this.images = images;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onImageChanged(ImageChanged change) {
        try {
            if (change.isReady()) {
                indexIfStillCurrent(change);
            } else if (change.image() != null && change.image().status() == ImageStatus.DELETED) {
                synchronized (lockFor(change.id())) {
                    // an undo that came first has its own READY event; only a row that is not READY loses its document
                    if (images.readyVersion(change.id()).isEmpty()) {
                        index.delete(change.id());
                    }
                }
            } else if (change.removed() != null) {
                synchronized (lockFor(change.id())) {
                    index.delete(change.id());
                }
                blobs.delete(change.removed().storageKey());
                blobs.delete(change.removed().thumbnailKey());
            }
        } catch (RuntimeException e) {
            if (FailureReasons.isExpected(e)) {
                log.warn(
                        "Index or storage not updated for image {}; repair will catch up: {}",
                        change.id(),
                        FailureReasons.describe(e));
            } else {
                log.warn("Index or storage not updated for image {}; repair will catch up", change.id(), e);
            }
        }
    }

    private void indexIfStillCurrent(ImageChanged change) {
        synchronized (lockFor(change.id())) {
            // a newer change or a delete has its own event, which brings the index to the row's latest state
            if (images.readyVersion(change.id())
                    .filter(version -> version == change.version())
                    .isPresent()) {
                index.upsert(new IndexedImage(change.id(), change.image().caption(), change.embedding()));
            }
        }
    }

    private Object lockFor(UUID id) {
        return locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }
}
