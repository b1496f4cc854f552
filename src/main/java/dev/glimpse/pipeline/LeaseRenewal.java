package dev.glimpse.pipeline;

import dev.glimpse.library.FailureReasons;
import java.time.Duration;
import java.util.Collection;
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

    /** The claims as lease renewal needs them ({@link ImageClaims} in the application). */
    interface Claims {

        /** Renews the leases of the given images; returns those still claimed by this worker. */
        Set<UUID> renew(Collection<UUID> ids);

        /** Those of the given images another instance has claimed since. */
        Set<UUID> takenOver(Collection<UUID> ids);
    }

    private final Claims claims;
    private final Duration every;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Thread thread;

    LeaseRenewal(Claims claims, Duration lease) {
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

    /** Starts renewing, on a new thread that renews for as long as it is this renewal's current thread. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread renewing = Thread.ofVirtual().name("caption-lease-renewal").unstarted(this::run);
        thread = renewing;
        renewing.start();
    }

    synchronized void stop() {
        Thread renewing = thread;
        thread = null;
        if (renewing != null) {
            renewing.interrupt();
        }
    }

    boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                Thread.sleep(every);
                if (thread != Thread.currentThread()) {
                    return;
                }
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
