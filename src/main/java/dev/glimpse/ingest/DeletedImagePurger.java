package dev.glimpse.ingest;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Removes for good the images deleted on a page once their undo has run out ({@code glimpse.library.undo-delete}):
 * row, then blobs and index document, as an immediate delete would. Images deleted while the app was down are
 * purged at the next start.
 */
@Component
class DeletedImagePurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeletedImagePurger.class);

    private final ImageRepository images;
    private final ImageLifecycle lifecycle;
    private final LibraryProperties properties;
    private ScheduledExecutorService schedule;

    DeletedImagePurger(ImageRepository images, ImageLifecycle lifecycle, LibraryProperties properties) {
        this.images = images;
        this.lifecycle = lifecycle;
        this.properties = properties;
    }

    /** Purges what is due now; returns how many images were removed. */
    int purge() {
        Instant cutoff = Instant.now().minus(properties.undoDelete());
        int purged = 0;
        for (var id : images.deletedBefore(cutoff)) {
            if (lifecycle.purge(id, cutoff)) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Removed {} deleted image(s) whose undo ran out", purged);
        }
        return purged;
    }

    @Override
    public void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("deleted-image-purger").daemon().factory());
        long every = Math.max(100, properties.purgeInterval().toMillis());
        schedule.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
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

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purging deleted images failed; trying again in {}", properties.purgeInterval(), e);
        }
    }
}
