package dev.glimpse.pipeline;

import dev.glimpse.library.FailureReasons;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the claims on the images in a worker's hands alive: a virtual thread renews their leases every third of the
 * lease ({@link ImageClaims#renew}), so another instance takes over only the work of a worker that died.
 */
final class LeaseRenewal {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

    private final ImageClaims claims;
    private final Duration every;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private @Nullable Thread thread;

    LeaseRenewal(ImageClaims claims, Duration lease) {
        this.claims = claims;
        this.every = lease.dividedBy(3);
    }

    /** The claim on {@code id} is renewed from now on. */
    void hold(UUID id) {
        held.add(id);
    }

    /** The image {@code id} left this worker's hands. */
    void release(UUID id) {
        held.remove(id);
    }

    void start() {
        running = true;
        thread = Thread.ofVirtual().name("caption-lease-renewal").start(this::run);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(every);
                renewOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (FailureReasons.isExpected(e)) {
                    log.warn(
                            "Could not renew caption leases; trying again in {}: {}",
                            every,
                            FailureReasons.describe(e));
                } else {
                    log.warn("Could not renew caption leases; trying again in {}", every, e);
                }
            }
        }
    }

    /**
     * Renews the leases of the images in this worker's hands now; returns those another instance has taken over
     * (lease lost), which are logged. An image not renewed because the worker finished, failed or released it between
     * reading the set and the renewal (its release from the set comes just after its outcome commits), or because a
     * person deleted it, was not lost, and is not reported.
     */
    Set<UUID> renewOnce() {
        Set<UUID> ids = Set.copyOf(held);
        Set<UUID> renewed = claims.renew(ids);
        List<UUID> notRenewed = ids.stream()
                .filter(id -> !renewed.contains(id) && held.contains(id))
                .toList();
        Set<UUID> lost = claims.takenOver(notRenewed);
        if (!lost.isEmpty()) {
            log.warn(
                    "{} of {} images in this worker's hands were taken over by another instance (lease lost): {}",
                    lost.size(),
                    ids.size(),
                    lost);
        }
        return lost;
    }
}
