package dev.glimpse.pipeline;

import dev.glimpse.library.ImageChanged;
import dev.glimpse.library.ImageRepository;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leased claims on images waiting for a caption. A claim moves rows from RECEIVED to CAPTIONING in one statement using
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers, in this instance or another one sharing the database, never
 * claim the same image; it records this instance's name and a lease expiry that the worker renews while it works.
 * Only an image whose lease has run out (its worker died or lost the database) is taken over by another claim. Every
 * claim, take-over and release is announced as an {@link ImageChanged}, so it reaches the change log and the pages.
 */
@Component
class ImageClaims implements LeaseRenewal.Claims {

    private static final Logger log = LoggerFactory.getLogger(ImageClaims.class);

    private final JdbcClient jdbc;
    private final ImageRepository images;
    private final ApplicationEventPublisher events;
    private final String instance;
    private final Duration lease;

    ImageClaims(
            JdbcClient jdbc,
            ImageRepository images,
            ApplicationEventPublisher events,
            InstanceIdentity identity,
            PipelineProperties properties) {
        this.jdbc = jdbc;
        this.images = images;
        this.events = events;
        this.instance = identity.id();
        this.lease = properties.lease();
    }

    String instance() {
        return instance;
    }

    /**
     * Claims up to {@code limit} images, uploads before an import's backlog ({@code priority}), then oldest first:
     * waiting ones, and claimed ones whose lease has expired.
     */
    @Transactional
    List<Claim> claim(int limit) {
        List<Claimed> claimed = jdbc.sql("""
                        WITH picked AS (
                            SELECT id, status AS was, claimed_by AS holder FROM image
                            WHERE status = 'RECEIVED' OR (status = 'CAPTIONING' AND lease_expires_at < now())
                            ORDER BY priority DESC, created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        UPDATE image i SET status = 'CAPTIONING', claimed_at = now(), claimed_by = :instance,
                               lease_expires_at = now() + :leaseMillis * interval '1 millisecond',
                               updated_at = now(), version = i.version + 1
                        FROM picked WHERE i.id = picked.id
                        RETURNING i.id, i.storage_key, i.mime_type, picked.was, picked.holder
                        """)
                .param("limit", limit)
                .param("instance", instance)
                .param("leaseMillis", lease.toMillis())
                .query((rs, row) -> new Claimed(
                        new Claim(
                                rs.getObject("id", UUID.class), rs.getString("storage_key"), rs.getString("mime_type")),
                        rs.getString("was"),
                        rs.getString("holder")))
                .list();
        for (Claimed taken : claimed) {
            if (taken.was().equals("CAPTIONING")) {
                log.warn(
                        "Took over image {} from instance {}, whose lease had expired",
                        taken.claim().id(),
                        taken.holder());
            }
        }
        announce(claimed.stream().map(taken -> taken.claim().id()).toList());
        return claimed.stream().map(Claimed::claim).toList();
    }

    /** Extends the leases of the images this instance is working on; returns those it still holds. */
    @Transactional
    @Override
    public Set<UUID> renew(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        UPDATE image SET lease_expires_at = now() + :leaseMillis * interval '1 millisecond'
                        WHERE id IN (:ids) AND status = 'CAPTIONING' AND claimed_by = :instance
                        RETURNING id
                        """)
                .param("leaseMillis", lease.toMillis())
                .param("ids", ids)
                .param("instance", instance)
                .query(UUID.class)
                .list());
    }

    /**
     * Of the given images, those another instance is captioning now: it took them over after this instance's lease
     * ran out. (An image this instance finished, failed or released, or that a person deleted, is not among them.)
     */
    @Override
    public Set<UUID> takenOver(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT id FROM image
                        WHERE id IN (:ids) AND status = 'CAPTIONING' AND claimed_by IS DISTINCT FROM :instance
                        """)
                .param("ids", ids)
                .param("instance", instance)
                .query(UUID.class)
                .list());
    }

    /**
     * Gives back the claims a previous run of this instance left (it was stopped or killed while captioning): nobody
     * else holds them, so there is no need to wait for their leases. Returns how many.
     */
    @Transactional
    int releaseOwn() {
        List<UUID> released =
                jdbc.sql("""
                        UPDATE image SET status = 'RECEIVED', claimed_at = NULL, claimed_by = NULL,
                               lease_expires_at = NULL, updated_at = now(), version = version + 1
                        WHERE status = 'CAPTIONING' AND claimed_by = :instance
                        RETURNING id
                        """).param("instance", instance).query(UUID.class).list();
        announce(released);
        return released.size();
    }

    /** Puts one image this instance claimed back in the queue, for instance because the models were busy. */
    @Transactional
    void release(UUID id) {
        int released = jdbc.sql("""
                        UPDATE image SET status = 'RECEIVED', claimed_at = NULL, claimed_by = NULL,
                               lease_expires_at = NULL, updated_at = now(), version = version + 1
                        WHERE id = :id AND status = 'CAPTIONING' AND claimed_by = :instance
                        """).param("id", id).param("instance", instance).update();
        if (released > 0) {
            announce(List.of(id));
        }
    }

    private void announce(List<UUID> ids) {
        if (!ids.isEmpty()) {
            images.findAllById(ids).forEach(image -> events.publishEvent(ImageChanged.updated(image)));
        }
    }

    /** An image this worker now owns until it is finished, failed or released, or its lease runs out. */
    record Claim(UUID id, String storageKey, String mimeType) {}

    private record Claimed(Claim claim, String was, String holder) {}
}
