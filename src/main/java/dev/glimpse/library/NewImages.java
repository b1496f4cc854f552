package dev.glimpse.library;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a stored upload into its image row, once per content hash, without ever tripping the unique key: the
 * transaction first takes an advisory lock on the hash, so uploads of the same bytes (on this instance or another
 * sharing the database) queue for a moment and each later one finds the row the first one committed. A constraint
 * violation, which Hibernate logs as a warning and which aborts the transaction, is left for what it should mean: a
 * bug.
 */
@Component
public class NewImages {

    /** The advisory lock space of content hashes ('imgs'), apart from the change log's single-key lock. */
    private static final int HASH_LOCKS = 0x696d6773;

    private final ImageRepository images;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NewImages(ImageRepository images, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.images = images;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The image with the upload's content: inserted now (and announced), or the one that was there already. A new
     * image from a folder import keeps {@code sourcePath} and waits behind uploads.
     */
    @Transactional
    public Inserted insertOnce(StoredUpload upload, @Nullable String sourcePath) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:sha256))")
                .param("space", HASH_LOCKS)
                .param("sha256", upload.sha256())
                .query()
                .singleValue();
        Optional<Image> existing = images.findBySha256(upload.sha256());
        if (existing.isPresent()) {
            return new Inserted(existing.get(), false);
        }
        Image fresh = new Image(upload);
        if (sourcePath != null) {
            fresh.importedFrom(sourcePath);
        }
        Image saved = images.saveAndFlush(fresh);
        events.publishEvent(ImageChanged.updated(saved));
        return new Inserted(saved, true);
    }

    /** The image stored under a content hash, and whether this call created it. */
    public record Inserted(Image image, boolean created) {}
}
