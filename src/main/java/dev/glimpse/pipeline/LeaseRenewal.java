package dev.glimpse.pipeline;

import java.time.Duration;
import java.util.Collection;
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

    /** Renews the leases of the given images; answers how many are still claimed by this worker. */
    interface Renewer {
        int renew(Collection<UUID> ids);
    }

    private final Renewer claims;
    private final Duration every;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Thread thread;

    LeaseRenewal(Renewer claims, Duration lease) {
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
                Set<UUID> ids = Set.copyOf(held);
                int renewed = claims.renew(ids);
                if (renewed < ids.size()) {
                    log.warn(
                            "{} of {} images in this worker's hands are no longer claimed by it (lease lost)",
                            ids.size() - renewed,
                            ids.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not renew caption leases; trying again in {}", every, e);
            }
        }
    }
}
