package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageInspector;
import dev.glimpse.imaging.ImageRefusedException;
import dev.glimpse.imaging.InspectedImage;
import dev.glimpse.imaging.MetadataPolicy;
import dev.glimpse.imaging.Thumbnails;
import dev.glimpse.library.FailureReasons;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.NewImages;
import dev.glimpse.library.PhotoFacts;
import dev.glimpse.library.StoredUpload;
import dev.glimpse.library.Subscription;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.storage.StorageFullException;
import dev.glimpse.storage.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Takes uploaded files in: inspects them, stores each distinct image once (blob first, then its row). It also answers
 * for the library ({@link ImageQueries}, {@link ImageCommands}) so that callers that send images can read them back through one service. Whatever fails, nothing partial is kept: blobs written for a row that could not be inserted are deleted.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ImageInspector inspector;
    private final BlobStore blobs;
    private final ImageRepository images;
    private final UploadProperties properties;
    private final NewImages newImages;
    private final ImageQueries library;
    private final ImageCommands commands;
    private final MeterRegistry meters;
    private final PhotoFactsReader facts;
    private final UploadMemory memory = UploadMemory.ofHeap();

    IngestService(
            BlobStore blobs,
            ImageRepository images,
            UploadProperties properties,
            NewImages newImages,
            ImageQueries library,
            ImageCommands commands,
            MeterRegistry meters,
            PhotoFactsReader facts) {
        this.meters = meters;
        this.facts = facts;
        this.inspector = new ImageInspector(properties.imageLimits());
        this.blobs = blobs;
        this.images = images;
        this.properties = properties;
        this.newImages = newImages;
        this.library = library;
        this.commands = commands;
    }

    /**
     * Takes one upload as it arrives: streamed to a temporary file (a file over the size limit is refused after
     * {@code max-bytes + 1} bytes, the rest unread), then checked and stored once its turn in memory comes.
     */
    public IngestOutcome ingest(@Nullable String clientFileName, InputStream input) {
        long limit = properties.maxBytes().toBytes();
        try (UploadSpool spool = UploadSpool.of(input, limit)) {
            if (spool.size() > limit) {
                String fileName = FileNames.displayName(clientFileName);
                log.info("Refused upload '{}': over the size limit", fileName);
                return counted(new IngestOutcome.Refused(
                        fileName, ImageInspector.tooLarge(limit), ImageRefusedException.Kind.TOO_LARGE));
            }
            try (UploadMemory.Reservation reserved = memory.reserve(spool.size())) {
                return counted(inspectAndStore(clientFileName, spool.bytes(), null));
            }
        }
    }

    public IngestOutcome ingest(@Nullable String clientFileName, byte[] bytes) {
        try (UploadMemory.Reservation reserved = memory.reserve(bytes.length)) {
            return counted(inspectAndStore(clientFileName, bytes, null));
        }
    }

    /**
     * Takes in one file of a folder import: the same checks and deduplication as an upload; a new image keeps
     * {@code sourcePath} (its path inside the imported folder) and is captioned after the uploads waiting.
     */
    public IngestOutcome importFile(String sourcePath, byte[] bytes) {
        String name = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        try (UploadMemory.Reservation reserved = memory.reserve(bytes.length)) {
            return counted(inspectAndStore(name, bytes, sourcePath));
        }
    }

    private IngestOutcome counted(IngestOutcome outcome) {
        Counter.builder("glimpse.uploads")
                .description("Uploaded files by outcome: stored, duplicate, refused, unavailable")
                .tag("outcome", outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
        return outcome;
    }

    private IngestOutcome inspectAndStore(@Nullable String clientFileName, byte[] bytes, @Nullable String sourcePath) {
        String fileName = FileNames.displayName(clientFileName);
        try {
            InspectedImage inspected = inspector.inspect(bytes);
            PhotoFacts photo = facts.read(inspected.format(), bytes); // before the metadata policy drops GPS
            byte[] kept = properties.keepAllMetadata() ? bytes : MetadataPolicy.apply(inspected.format(), bytes);
            String sha256 =
                    sha256(kept); // of the bytes stored and served: identical pictures with the same kept metadata
            Optional<Image> existing = images.findBySha256(sha256);
            if (existing.isPresent() && existing.get().getStatus() == ImageStatus.DELETED) {
                // deleted moments ago and sent again: it comes back rather than being called a duplicate of nothing
                Optional<ImageSummary> restored =
                        commands.undoDelete(existing.get().getId());
                if (restored.isPresent()) {
                    return new IngestOutcome.Stored(fileName, restored.get());
                }
                existing = images.findBySha256(sha256);
            }
            if (existing.isPresent()) {
                return new IngestOutcome.Duplicate(fileName, ImageSummary.of(existing.get()));
            }
            return store(fileName, sha256, kept, inspected, photo, sourcePath);
        } catch (ImageRefusedException e) {
            log.info("Refused upload '{}': {}", fileName, e.getMessage());
            return new IngestOutcome.Refused(fileName, e.getMessage(), e.kind());
        } catch (StorageUnavailableException e) {
            boolean full = e instanceof StorageFullException;
            log.warn(
                    "Storage {} for upload '{}': {}",
                    full ? "full" : "unavailable",
                    fileName,
                    FailureReasons.describe(e));
            return IngestOutcome.Unavailable.of(fileName, full);
        }
    }

    /** One page of the library, newest first (see {@link ImageQueries#library}). */
    public Page<ImageSummary> library(int page, int size) {
        return library.library(page, size);
    }

    /** The newest captioned images (see {@link ImageQueries#captioned}). */
    public List<ImageSummary> captioned(int limit) {
        return library.captioned(limit);
    }

    public long count() {
        return library.count();
    }

    public Optional<ImageSummary> find(UUID id) {
        return library.find(id);
    }

    /** Deletes the image (see {@link ImageCommands#delete}). */
    public boolean delete(UUID id) {
        return commands.delete(id);
    }

    /** Queues the image to be captioned again (see {@link ImageCommands#recaption}). */
    public boolean recaption(UUID id, boolean replacePersonCaption) {
        return commands.recaption(id, replacePersonCaption);
    }

    /** Calls the listener after every committed change to any image (see {@link ImageQueries#onChange}). */
    public Subscription onChange(BiConsumer<UUID, @Nullable ImageSummary> listener) {
        return library.onChange(listener);
    }

    public UploadProperties limits() {
        return properties;
    }

    private IngestOutcome store(
            String fileName,
            String sha256,
            byte[] cleaned,
            InspectedImage inspected,
            PhotoFacts photo,
            @Nullable String sourcePath) {
        byte[] thumbnail = Thumbnails.jpeg(inspected.pixels(), inspected.orientation(), properties.thumbnailSize());
        String storageKey = blobs.put(cleaned, inspected.format().mimeType());
        String thumbnailKey = null;
        try {
            thumbnailKey = blobs.put(thumbnail, "image/jpeg");
            StoredUpload upload = new StoredUpload(
                    sha256,
                    fileName,
                    inspected.format().mimeType(),
                    inspected.uprightWidth(),
                    inspected.uprightHeight(),
                    cleaned.length,
                    storageKey,
                    thumbnailKey,
                    photo);
            // the row and its outbox entry commit together; the same bytes sent at the same time are decided quietly
            NewImages.Inserted inserted = newImages.insertOnce(upload, sourcePath);
            Image image = inserted.image();
            if (!inserted.created()) {
                deleteQuietly(storageKey, thumbnailKey);
                log.info("'{}' is a duplicate of {}, stored moments ago", fileName, image.getId());
                return new IngestOutcome.Duplicate(fileName, ImageSummary.of(image));
            }
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

    private void deleteQuietly(@Nullable String... keys) {
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            try {
                blobs.delete(key);
            } catch (StorageUnavailableException e) {
                log.warn(
                        "Could not delete orphan blob {}; the sweeper will remove it: {}",
                        key,
                        FailureReasons.describe(e));
            } catch (RuntimeException e) {
                log.warn("Could not delete orphan blob {}; the sweeper will remove it", key, e);
            }
        }
    }

    /** The content hash an image is stored and deduplicated under: SHA-256 of its stored bytes, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
