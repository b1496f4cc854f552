package dev.glimpse.library;

import dev.glimpse.search.index.ChangeLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The transactional outbox: every {@link ImageChanged} published inside a transaction appends one row to the change
 * log ({@link ChangeLog}) in that same transaction, just before it commits. Any kind of change announced through
 * {@link ImageChanged} lands there, so each instance's index follower and open pages learn about it, whichever
 * instance made it.
 */
@Component
class ImageChangeOutbox {

    private final ChangeLog log;

    ImageChangeOutbox(ChangeLog log) {
        this.log = log;
    }

    /** Appends the change in the publisher's transaction (or on its own when it was published outside one). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onImageChanged(ImageChanged change) {
        log.append(change.id(), kindOf(change));
    }

    private static String kindOf(ImageChanged change) {
        if (change.image() == null) {
            return "DELETED";
        }
        return change.image().status().name();
    }
}
