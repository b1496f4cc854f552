package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageFormat;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageChanged;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.PhotoFacts;
import dev.glimpse.storage.BlobStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once after start-up, on one background thread: images stored before capture facts were recorded (no
 * {@code taken_at_source}) are read again from their stored originals, {@value #BATCH} at a time, and get their
 * capture time, camera and (where the original still holds GPS, i.e. with all metadata kept) place; an original that
 * is missing or unreadable is marked as known to say nothing, so each row is visited once. Each update announces the
 * change (outbox) so search indexes follow. Another instance doing the same at once loses nothing: a row changed
 * meanwhile is skipped.
 */
@Component
class CaptureFactsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaptureFactsBackfill.class);
    static final int BATCH = 50;

    private final ImageRepository images;
    private final BlobStore blobs;
    private final PhotoFactsReader reader;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("capture-facts-backfill").daemon(true).factory());

    CaptureFactsBackfill(
            ImageRepository images,
            BlobStore blobs,
            PhotoFactsReader reader,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.images = images;
        this.blobs = blobs;
        this.reader = reader;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.execute(this::runQuietly);
    }

    private void runQuietly() {
        try {
            int done = run();
            if (done > 0) {
                log.info("Read the capture time, camera and place of {} earlier images", done);
            }
        } catch (RuntimeException e) {
            log.warn("Reading capture facts of earlier images stopped; the next start continues", e);
        } finally {
            worker.shutdown();
        }
    }

    /** Visits every image without facts; the number visited. */
    int run() {
        int done = 0;
        while (true) {
            List<UUID> batch = images.withoutFacts(PageRequest.of(0, BATCH));
            if (batch.isEmpty()) {
                return done;
            }
            int before = done;
            for (UUID id : batch) {
                if (backfill(id)) {
                    done++;
                }
            }
            if (done == before) {
                return done; // every row of the batch was taken by someone else or failed: do not spin
            }
        }
    }

    private boolean backfill(UUID id) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                Image image = images.findById(id).orElse(null);
                if (image == null || image.getTakenAtSource() != null) {
                    return false;
                }
                image.recordFacts(factsOf(image), image.getCreatedAt());
                Image saved = images.saveAndFlush(image);
                if (saved.getStatus() != ImageStatus.DELETED) {
                    events.publishEvent(ImageChanged.updated(saved));
                }
                return true;
            }));
        } catch (ObjectOptimisticLockingFailureException e) {
            return false;
        }
    }

    private PhotoFacts factsOf(Image image) {
        try {
            ImageFormat format = ImageFormat.ofMimeType(image.getMimeType()).orElse(null);
            byte[] original = blobs.get(image.getStorageKey()).orElse(null);
            if (format == null || original == null) {
                return PhotoFacts.UNKNOWN;
            }
            return reader.read(format, original);
        } catch (RuntimeException e) {
            log.info("Could not read the capture facts of image {}: {}", image.getId(), e.toString());
            return PhotoFacts.UNKNOWN;
        }
    }
}
