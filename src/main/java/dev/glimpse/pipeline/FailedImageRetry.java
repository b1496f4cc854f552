package dev.glimpse.pipeline;

import dev.glimpse.library.FailureKind;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.serving.ModelAvailable;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Puts FAILED images back in the queue: by themselves, those that failed because a model was missing, as soon as a
 * model the pipeline needs becomes available (found at start, appeared on disk, loaded); and on request, every
 * failed image ("Retry all failed").
 */
@Service
public class FailedImageRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedImageRetry.class);

    private final ImageRepository images;
    private final ImageCommands commands;

    FailedImageRetry(ImageRepository images, ImageCommands commands) {
        this.images = images;
        this.commands = commands;
    }

    /** Queues every FAILED image again; returns how many were queued. */
    public int retryAllFailed() {
        int queued = requeue(images.failedIds());
        log.info("Retry all failed: {} images queued again", queued);
        return queued;
    }

    /** A model the pipeline uses (captions, embeddings) is available: retry what failed for want of a model. */
    @EventListener
    void onModelAvailable(ModelAvailable available) {
        if (!"caption".equals(available.role()) && !"embedding".equals(available.role())) {
            return;
        }
        int queued = requeue(images.failedIds(FailureKind.MODEL));
        if (queued > 0) {
            log.info(
                    "The {} model {} is available: {} images that failed because a model was missing are queued again",
                    available.role(),
                    available.model(),
                    queued);
        }
    }

    /** Queues one FAILED image again, as the model retry does; false when it changed meanwhile or is not FAILED. */
    boolean retry(UUID id) {
        return requeue(List.of(id)) == 1;
    }

    private int requeue(List<UUID> ids) {
        int queued = 0;
        for (UUID id : ids) {
            try {
                if (commands.retryFailed(id)) {
                    queued++;
                }
            } catch (OptimisticLockingFailureException e) {
                // changed meanwhile (deleted, or queued again by someone else): nothing to retry
            }
        }
        return queued;
    }
}
