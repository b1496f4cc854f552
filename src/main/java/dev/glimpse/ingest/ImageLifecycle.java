package dev.glimpse.ingest;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of an image after upload, each in one transaction that also announces the change: finished
 * (caption and embedding written together), failed, retried, re-captioned, deleted.
 */
@Component
class ImageLifecycle {

    private final ImageRepository images;
    private final ApplicationEventPublisher events;

    ImageLifecycle(ImageRepository images, ApplicationEventPublisher events) {
        this.images = images;
        this.events = events;
    }

    @Transactional
    void finish(UUID id, Captioned result) {
        images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.CAPTIONING)
                .ifPresent(image -> {
                    image.markReady(
                            result.caption(), result.captionModel(), result.embedding(), result.embeddingModel());
                    events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
                });
    }

    @Transactional
    void fail(UUID id, String reason) {
        fail(id, reason, FailureKind.IMAGE);
    }

    @Transactional
    void fail(UUID id, String reason, FailureKind kind) {
        images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.CAPTIONING)
                .ifPresent(image -> {
                    image.markFailed(reason, kind);
                    events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
                });
    }

    /** Queues a failed or captioned image for captioning again; false when the image cannot be queued now. */
    @Transactional
    boolean requeue(UUID id) {
        Optional<Image> found = images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.FAILED || image.getStatus() == ImageStatus.READY);
        found.ifPresent(image -> {
            image.markReceived();
            events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
        });
        return found.isPresent();
    }

    @Transactional
    boolean delete(UUID id) {
        Optional<Image> found = images.findById(id);
        found.ifPresent(image -> {
            images.delete(image);
            images.flush();
            events.publishEvent(ImageChanged.deleted(image));
        });
        return found.isPresent();
    }

    /** A finished caption with its embedding and the models that made them. */
    record Captioned(String caption, String captionModel, float[] embedding, String embeddingModel) {}
}
