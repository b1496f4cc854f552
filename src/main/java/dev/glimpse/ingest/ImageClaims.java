package dev.glimpse.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Row-level claims on images waiting for a caption. A claim moves rows from RECEIVED to CAPTIONING with the claim
 * time in one statement using {@code FOR UPDATE SKIP LOCKED}, so concurrent workers, in this instance or another one
 * sharing the database, never claim the same image. Each claimed image is announced as an {@link ImageChanged} inside
 * the claiming transaction (and so is each abandoned claim taken back), so that open pages show "Captioning…" as it
 * happens.
 */
@Component
class ImageClaims {

    private final JdbcClient jdbc;
    private final ImageRepository images;
    private final ApplicationEventPublisher events;

    ImageClaims(JdbcClient jdbc, ImageRepository images, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.images = images;
        this.events = events;
    }

    /** Claims up to {@code limit} waiting images, oldest first. */
    @Transactional
    List<Claim> claim(int limit) {
        List<Claim> claimed = jdbc.sql("""
                        UPDATE image SET status = 'CAPTIONING', claimed_at = now(), updated_at = now(),
                               version = version + 1
                        WHERE id IN (SELECT id FROM image WHERE status = 'RECEIVED'
                                     ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, storage_key, mime_type
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Claim(
                        rs.getObject("id", UUID.class), rs.getString("storage_key"), rs.getString("mime_type")))
                .list();
        // read after the update in this transaction: the rows as claimed, each announced before commit
        announce(claimed.stream().map(Claim::id).toList());
        return claimed;
    }

    /** Gives claims taken before {@code cutoff} back to the queue; returns how many. */
    @Transactional
    int releaseClaimedBefore(Instant cutoff) {
        List<UUID> released = jdbc.sql("""
                        UPDATE image SET status = 'RECEIVED', claimed_at = NULL, updated_at = now(),
                               version = version + 1
                        WHERE status = 'CAPTIONING' AND claimed_at < :cutoff
                        RETURNING id
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .query(UUID.class)
                .list();
        announce(released);
        return released.size();
    }

    /** Puts one claimed image back in the queue, for instance because the models were busy. */
    @Transactional
    void release(UUID id) {
        // not announced: the pipeline claims it again after the poll interval (announcing RECEIVED would wake it at
        // once, a busy loop while the models are busy), and pages keep showing it as being captioned meanwhile
        jdbc.sql("""
                        UPDATE image SET status = 'RECEIVED', claimed_at = NULL, updated_at = now(),
                               version = version + 1
                        WHERE id = :id AND status = 'CAPTIONING'
                        """).param("id", id).update();
    }

    /** Publishes the rows as they are now in this transaction, one {@link ImageChanged} each. */
    private void announce(List<UUID> ids) {
        if (!ids.isEmpty()) {
            images.findAllById(ids).forEach(image -> events.publishEvent(ImageChanged.updated(image)));
        }
    }

    /** An image this worker now owns until it is finished, failed or released. */
    record Claim(UUID id, String storageKey, String mimeType) {}
}
