package dev.glimpse.ingest;

import com.vaadin.flow.shared.Registration;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.storage.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes uploaded files in: inspects them, stores each distinct image once (blob first, then its row), and lists the
 * library. Whatever fails, nothing partial is kept: blobs written for a row that could not be inserted are deleted.
 */
@Service
public class IngestService {

    private static final int CONFLICT_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ImageInspector inspector;
    private final BlobStore blobs;
    private final ImageRepository images;
    private final UploadProperties properties;
    private final ImageLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final ImageUpdates updates;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    IngestService(
            ImageInspector inspector,
            BlobStore blobs,
            ImageRepository images,
            UploadProperties properties,
            ImageLifecycle lifecycle,
            ApplicationEventPublisher events,
            ImageUpdates updates,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.meters = meters;
        this.inspector = inspector;
        this.blobs = blobs;
        this.images = images;
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.events = events;
        this.updates = updates;
        this.transaction = new TransactionTemplate(transactions);
    }

    public IngestOutcome ingest(String clientFileName, byte[] bytes) {
        IngestOutcome outcome = inspectAndStore(clientFileName, bytes);
        Counter.builder("glimpse.uploads")
                .description("Uploaded files by outcome: stored, duplicate, refused, unavailable")
                .tag("outcome", outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
        return outcome;
    }

    private IngestOutcome inspectAndStore(String clientFileName, byte[] bytes) {
        String fileName = FileNames.displayName(clientFileName);
        try {
            InspectedImage inspected = inspector.inspect(bytes);
            byte[] kept = properties.keepAllMetadata() ? bytes : MetadataPolicy.apply(inspected.format(), bytes);
            String sha256 =
                    sha256(kept); // of the bytes stored and served: identical pictures with the same kept metadata
            Optional<Image> existing = images.findBySha256(sha256);
            if (existing.isPresent() && existing.get().getStatus() == ImageStatus.DELETED) {
                // deleted moments ago and sent again: it comes back rather than being called a duplicate of nothing
                Optional<ImageSummary> restored =
                        lifecycle.restore(existing.get().getId());
                if (restored.isPresent()) {
                    return new IngestOutcome.Stored(fileName, restored.get());
                }
                existing = images.findBySha256(sha256);
            }
            if (existing.isPresent()) {
                return new IngestOutcome.Duplicate(fileName, ImageSummary.of(existing.get()));
            }
            return store(fileName, sha256, kept, inspected);
        } catch (ImageRefusedException e) {
            log.info("Refused upload '{}': {}", fileName, e.getMessage());
            return new IngestOutcome.Refused(fileName, e.getMessage());
        } catch (StorageUnavailableException e) {
            log.warn("Storage unavailable for upload '{}': {}", fileName, FailureReasons.describe(e));
            return new IngestOutcome.Unavailable(fileName, "storage is unavailable right now, please try again later");
        }
    }

    public Page<ImageSummary> library(int page, int size) {
        return images.findByStatusNotOrderByCreatedAtDesc(ImageStatus.DELETED, PageRequest.of(page, size))
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

    /**
     * Calls the listener after every committed change to any image, with the image as it is now (null when it was
     * deleted). Pages subscribe while attached and remove the registration when detached.
     */
    public Registration onChange(BiConsumer<UUID, ImageSummary> listener) {
        return updates.subscribe(update -> listener.accept(update.id(), update.image()));
    }

    public UploadProperties limits() {
        return properties;
    }

    Optional<StoredBytes> content(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getStorageKey())
                        .map(bytes -> new StoredBytes(bytes, image.getMimeType(), image.getSha256())));
    }

    Optional<StoredBytes> thumbnail(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getThumbnailKey())
                        .map(bytes -> new StoredBytes(bytes, "image/jpeg", "t-" + image.getSha256())));
    }

    private IngestOutcome store(String fileName, String sha256, byte[] cleaned, InspectedImage inspected) {
        int orientation = Orientation.of(inspected.format(), cleaned);
        byte[] thumbnail = Thumbnails.jpeg(inspected.pixels(), orientation, properties.thumbnailSize());
        String storageKey = blobs.put(cleaned, inspected.format().mimeType());
        String thumbnailKey = null;
        try {
            thumbnailKey = blobs.put(thumbnail, "image/jpeg");
            StoredUpload upload = new StoredUpload(
                    sha256,
                    fileName,
                    inspected.format().mimeType(),
                    inspected.width(),
                    inspected.height(),
                    cleaned.length,
                    storageKey,
                    thumbnailKey);
            // the row and its outbox entry commit together
            Image image = transaction.execute(status -> {
                Image saved = images.saveAndFlush(new Image(upload));
                events.publishEvent(ImageChanged.updated(saved));
                return saved;
            });
            log.info("Stored '{}' as {} ({} × {})", fileName, image.getId(), image.getWidth(), image.getHeight());
            return new IngestOutcome.Stored(fileName, ImageSummary.of(image));
        } catch (DataIntegrityViolationException e) {
            deleteQuietly(storageKey, thumbnailKey);
            return images.findBySha256(sha256)
                    .<IngestOutcome>map(image -> new IngestOutcome.Duplicate(fileName, ImageSummary.of(image)))
                    .orElseThrow(() -> e);
        } catch (RuntimeException e) {
            deleteQuietly(storageKey, thumbnailKey);
            throw e;
        }
    }

    private void deleteQuietly(String... keys) {
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                log.warn("Could not delete orphan blob {}; the sweeper will remove it", key, e);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
