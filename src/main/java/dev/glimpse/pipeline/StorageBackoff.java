package dev.glimpse.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the captioning pipeline from hammering blob storage while it cannot be read: after a failed read nothing is
 * claimed for {@code pause}, the outage is logged once when it starts and once when storage answers again (not once
 * per image and attempt). Thread-safe.
 */
final class StorageBackoff {

    private static final Logger log = LoggerFactory.getLogger(StorageBackoff.class);

    private final Duration pause;
    private final Clock clock;
    private Instant pausedUntil = Instant.MIN;
    private boolean down;

    StorageBackoff(Duration pause, Clock clock) {
        this.pause = pause;
        this.clock = clock;
    }

    /** True while the pipeline should not claim images. */
    synchronized boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    /** A stored image could not be read because storage is unreachable. */
    synchronized void readFailed(String reason) {
        pausedUntil = clock.instant().plus(pause);
        if (!down) {
            down = true;
            log.warn(
                    "Blob storage cannot be read ({}); waiting images stay queued, next try in {} s",
                    reason,
                    pause.toMillis() / 1000.0);
        }
    }

    /** A stored image was read. */
    synchronized void readSucceeded() {
        if (down) {
            down = false;
            log.info("Blob storage answers again; captioning the waiting images");
        }
    }
}
