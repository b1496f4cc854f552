package dev.glimpse.pipeline;

import java.time.Duration;
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
