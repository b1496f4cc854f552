package dev.glimpse.ingest;

import dev.glimpse.storage.BlobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes blobs that no image row refers to and that are older than the grace period: what a crash between storing
 * a blob and committing its row leaves behind. Runs at start and then periodically on one daemon thread.
 */
@Component
class OrphanBlobSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanBlobSweeper.class);
    private static final int BATCH = 500;

    private final BlobStore blobs;
    private final ImageRepository images;
    private final BlobSweepProperties properties;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    @Autowired
    OrphanBlobSweeper(BlobStore blobs, ImageRepository images, BlobSweepProperties properties) {
        this(blobs, images, properties, Clock.systemUTC());
    }

    OrphanBlobSweeper(BlobStore blobs, ImageRepository images, BlobSweepProperties properties, Clock clock) {
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
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("blob-sweeper").daemon().factory());
        long every = Math.max(1, properties.interval().toMillis());
        schedule.scheduleWithFixedDelay(this::sweepQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            if (FailureReasons.isExpected(e)) {
                log.warn(
                        "Orphan blob sweep failed; trying again in {}: {}",
                        properties.interval(),
                        FailureReasons.describe(e));
            } else {
                log.warn("Orphan blob sweep failed; trying again in {}", properties.interval(), e);
            }
        }
    }
}
