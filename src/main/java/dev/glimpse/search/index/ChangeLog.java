package dev.glimpse.search.index;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the change log ({@code image_change}): one row per change to an image, in the caller's transaction, and a
 * {@code NOTIFY} that PostgreSQL delivers only if that transaction commits. The library calls it just before each of
 * its transactions commits, so a change and its log row commit together or not at all.
 *
 * <p><b>Sequence order is commit order.</b> A plain identity column hands out numbers when rows are inserted, not when
 * they commit: transaction 1 may take sequence 7, transaction 2 sequence 8 and commit first, and a follower that read
 * 8 and moved its position past 7 would never see 7. Instead of re-reading a window behind its position (which only
 * narrows the race, and needs a guess at how long a transaction may stay open), writers take a transaction-scoped
 * advisory lock before they insert. The lock is released only after the commit is visible, so a later sequence can
 * never be visible while an earlier one is still in flight, and a follower may safely read strictly after its last
 * sequence ({@link ChangeFeed#after}). The lock is held only from this step to the commit itself (one insert, one
 * notify, the commit's flush), so it serialises a few milliseconds per change, not whole transactions. A rolled-back
 * writer leaves a gap in the numbers, which is harmless: nothing with that number will ever become visible.
 */
@Component
public class ChangeLog {

    /** Notification channel the followers listen on; the payload is the new row's sequence. */
    static final String CHANNEL = "image_change";

    /** Advisory lock key ('glim' 'pse1' as two ints) shared by every writer. */
    private static final long WRITER_LOCK = 0x676c696d70736531L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ChangeLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Appends one row ({@code kind}: the image's status after the change, or {@code DELETED} when its row is gone) and
     * returns its sequence: in the caller's transaction, or in one of its own so that the lock is held until the row
     * commits.
     */
    public long append(UUID imageId, String kind) {
        Long seq = transaction.execute(status -> appendLocked(imageId, kind));
        return seq == null ? 0 : seq;
    }

    private long appendLocked(UUID imageId, String kind) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", WRITER_LOCK)
                .query()
                .singleValue();
        long seq = jdbc.sql("INSERT INTO image_change (image_id, kind) VALUES (:id, :kind) RETURNING seq")
                .param("id", imageId)
                .param("kind", kind)
                .query(Long.class)
                .single();
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", Long.toString(seq))
                .query()
                .singleValue();
        return seq;
    }
}
