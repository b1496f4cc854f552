package dev.glimpse.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports blob storage in {@code /actuator/health} and readiness (as {@code blobStorage}): UP when
 * {@link BlobStore#checkAvailable()} passes, DOWN with the reason when it does not (unreachable, unwritable, or a local
 * disk below {@code glimpse.storage.local.min-free-space}), which turns the whole application DOWN and takes the
 * instance out of rotation until storage returns or has room.
 * Changes are logged once each way.
 */
@Component("blobStorageHealthIndicator")
class BlobStoreHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreHealthIndicator.class);

    private final BlobStore store;
    private volatile boolean wasDown;

    BlobStoreHealthIndicator(BlobStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.checkAvailable();
            if (wasDown) {
                wasDown = false;
                log.info("Blob storage is available again");
            }
            return Health.up().build();
        } catch (StorageUnavailableException e) {
            return down(e.getMessage());
        } catch (RuntimeException e) {
            return down("Storage check failed: " + e.getClass().getSimpleName());
        }
    }

    private Health down(String reason) {
        if (!wasDown) {
            wasDown = true;
            log.warn("Blob storage is unavailable: {}", reason);
        }
        return Health.down().withDetail("reason", reason).build();
    }
}
