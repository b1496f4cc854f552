package dev.glimpse.pipeline;

import dev.glimpse.library.FailureReasons;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes blobs that no image row refers to and that are older than the grace period: what a crash between storing
 * a blob and committing its row leaves behind. Runs at start and then periodically on one daemon thread.
 */
@Component
class OrphanBlobSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OrphanBlobSweeper.class);
    private static final int BATCH = 500;

    private final BlobStore blobs;
    private final ImageRepository images;
    private final BlobSweepProperties properties;
    private final Clock clock;

    OrphanBlobSweeper(BlobStore blobs, ImageRepository images, BlobSweepProperties properties, Clock clock) {
        super("blob-sweeper", properties.enabled(), Duration.ZERO, properties.interval());
        this.blobs = blobs;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the orphans older than the grace period and returns how many it deleted. */
    int sweep() {
        Instant cutoff = clock.instant().minus(properties.grace());
        List<String> candidates;
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            candidates = all.filter(blob -> blob.created().isBefore(cutoff))
                    .map(BlobStore.StoredBlob::key)
                    .toList();
        }
        int deleted = 0;
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<String> referenced = new HashSet<>(images.storageKeysIn(batch));
            referenced.addAll(images.thumbnailKeysIn(batch));
            for (String key : batch) {
                if (!referenced.contains(key)) {
                    blobs.delete(key);
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} orphan blobs older than {}", deleted, properties.grace());
        }
        return deleted;
    }

    @Override
    void run() {
        sweep();
    }

    @Override
    void failed(RuntimeException error) {
        if (FailureReasons.isExpected(error)) {
            log.warn(
                    "Orphan blob sweep failed; trying again in {}: {}",
                    properties.interval(),
                    FailureReasons.describe(error));
        } else {
            log.warn("Orphan blob sweep failed; trying again in {}", properties.interval(), error);
        }
    }
}
