package dev.glimpse.ingest;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a change is committed, brings the search index and the blob store in line: a captioned image gets its index
 * document (replaced, never duplicated); a deleted image loses its document and its blobs. If this fails, startup
 * repair and the blob sweeper finish the job, since the database already holds the truth.
 */
@Component
class IndexUpdater {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

    private final ImageIndex index;
    private final BlobStore blobs;

    IndexUpdater(ImageIndex index, BlobStore blobs) {
        this.index = index;
        this.blobs = blobs;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onImageChanged(ImageChanged change) {
        try {
            if (change.isReady()) {
                index.upsert(new IndexedImage(change.id(), change.image().caption(), change.embedding()));
            } else if (change.removed() != null) {
                index.delete(change.id());
                blobs.delete(change.removed().storageKey());
                blobs.delete(change.removed().thumbnailKey());
            }
        } catch (RuntimeException e) {
            log.warn("Index or storage not updated for image {}; repair will catch up", change.id(), e);
        }
    }
}
