package dev.glimpse.library;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions behind {@link ImageCommands}: each state change of an image after upload in one transaction that
 * also announces the change: finished (caption and embedding written together), failed, retried, re-captioned,
 * captioned by a person, deleted (at once, or undoably: hidden first, purged a few seconds later unless restored). A
 * caption or failure is recorded only while this instance still holds the image's claim.
 */
@Component
class ImageLifecycle {

    private final ImageRepository images;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImageLifecycle(ImageRepository images, ApplicationEventPublisher events, Clock clock) {
        this.images = images;
        this.events = events;
        this.clock = clock;
    }

    /** True while {@code instance} holds the image's claim (a claim taken over after its lease expired is not its). */
    private static boolean claimedBy(Image image, String instance) {
        return image.getStatus() == ImageStatus.CAPTIONING && instance.equals(image.getClaimedBy());
    }

    /** Records the caption and embedding of an image {@code instance} has claimed; nothing when it lost the claim. */
    @Transactional
    public void finish(UUID id, String instance, ImageCommands.Captioned result) {
        images.findById(id).filter(image -> claimedBy(image, instance)).ifPresent(image -> {
            image.markReady(result.caption(), result.captionModel(), result.embedding(), result.embeddingModel());
            events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
        });
    }

    /** Records why captioning an image {@code instance} has claimed failed; nothing when it lost the claim. */
    @Transactional
    public void fail(UUID id, String instance, String reason, FailureKind kind) {
        images.findById(id).filter(image -> claimedBy(image, instance)).ifPresent(image -> {
            image.markFailed(reason, kind);
            events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
        });
    }

    /**
     * Queues a failed or captioned image for captioning again; false when the image cannot be queued now, or when
     * its caption was written by a person and {@code replacePersonCaption} is false.
     */
    @Transactional
    public boolean requeue(UUID id, boolean replacePersonCaption) {
        Optional<Image> found = images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.FAILED || image.getStatus() == ImageStatus.READY)
                .filter(image -> replacePersonCaption || !image.isCaptionByPerson());
        found.ifPresent(image -> {
            image.markReceived();
            events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
        });
        return found.isPresent();
    }

    /**
     * Writes a caption a person typed, with its embedding, and makes the image READY with it; the change is announced
     * so that the index replaces the image's document. Empty when the image is gone or deleted.
     */
    @Transactional
    public Optional<ImageSummary> writeCaption(UUID id, String caption, float[] embedding, String embeddingModel) {
        return images.findById(id)
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .map(image -> {
                    image.markCaptionedByPerson(caption, embedding, embeddingModel);
                    Image saved = images.saveAndFlush(image);
                    events.publishEvent(ImageChanged.updated(saved));
                    return ImageSummary.of(saved);
                });
    }

    /** Hides the image everywhere (pages, API, index) until it is restored or purged; false when there is none. */
    @Transactional
    public boolean markDeleted(UUID id) {
        Optional<Image> found = images.findById(id).filter(image -> image.getStatus() != ImageStatus.DELETED);
        found.ifPresent(image -> {
            image.markDeleted(clock.instant());
            events.publishEvent(ImageChanged.updated(images.saveAndFlush(image)));
        });
        return found.isPresent();
    }

    /** Brings a deleted image back as it was; empty when it is not (or no longer) deleted. */
    @Transactional
    public Optional<ImageSummary> restore(UUID id) {
        return images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.DELETED)
                .map(image -> {
                    image.restore();
                    Image saved = images.saveAndFlush(image);
                    events.publishEvent(ImageChanged.updated(saved));
                    return ImageSummary.of(saved);
                });
    }

    /** Removes an image deleted before {@code cutoff} for good (row, then blobs and index document). */
    @Transactional
    public boolean purge(UUID id, Instant cutoff) {
        Optional<Image> found = images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.DELETED)
                .filter(image ->
                        image.getDeletedAt() != null && image.getDeletedAt().isBefore(cutoff));
        found.ifPresent(image -> {
            images.delete(image);
            images.flush();
            events.publishEvent(ImageChanged.deleted(image));
        });
        return found.isPresent();
    }

    /** Removes the image now (row, then blobs and index document); false when there is none. */
    @Transactional
    public boolean delete(UUID id) {
        Optional<Image> found = images.findById(id);
        found.ifPresent(image -> {
            images.delete(image);
            images.flush();
            events.publishEvent(ImageChanged.deleted(image));
        });
        return found.isPresent();
    }
}
