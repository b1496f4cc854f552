package dev.glimpse.library;

import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.serving.InferenceExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Every change to a stored image after upload, for pages, the API, the caption pipeline and the import: delete (at
 * once, or hidden with a few seconds to undo, then purged), restore, re-caption, a caption a person writes, and the
 * pipeline's finished or failed caption. Each change is one transaction ({@link ImageLifecycle}) that also appends it
 * to the change log, so every instance's index and open pages learn of it. Changes a person asks for are applied again
 * when the pipeline changed the same row in between; long work runs on the models' executors.
 */
@Service
public class ImageCommands {

    private static final int CONFLICT_ATTEMPTS = 5;

    /** A finished caption with its embedding and the models that made them. */
    public record Captioned(String caption, String captionModel, float[] embedding, String embeddingModel) {}

    private final ImageLifecycle lifecycle;
    private final ObjectProvider<EmbeddingService> embedder;
    private final LibraryProperties properties;

    /** The embedder is looked up when a caption is written: the import command's context has no models. */
    ImageCommands(ImageLifecycle lifecycle, ObjectProvider<EmbeddingService> embedder, LibraryProperties properties) {
        this.lifecycle = lifecycle;
        this.embedder = embedder;
        this.properties = properties;
    }

    /**
     * Deletes the image: its row now, then its blobs and index document. False when there is no such image. A row
     * changed meanwhile (claimed or finished by the caption pipeline) is read again and deleted, not answered 500.
     */
    public boolean delete(UUID id) {
        return retryingOnConflict(() -> lifecycle.delete(id));
    }

    /** Hides the image at once (pages, API, search); {@link #undoDelete} brings it back within the undo time. */
    public boolean deleteWithUndo(UUID id) {
        return lifecycle.markDeleted(id);
    }

    /** Brings back an image deleted with {@link #deleteWithUndo}; empty once the undo has run out (or it was not). */
    public Optional<ImageSummary> undoDelete(UUID id) {
        return lifecycle.restore(id);
    }

    /** Removes an image deleted before {@code cutoff} for good (row, then blobs and index document). */
    public boolean purge(UUID id, Instant cutoff) {
        return lifecycle.purge(id, cutoff);
    }

    /**
     * Queues a failed or captioned image to be captioned (again) with the current model. A caption written by a
     * person is replaced only when {@code replacePersonCaption} says so (the page asks first); otherwise false.
     */
    public boolean recaption(UUID id, boolean replacePersonCaption) {
        return retryingOnConflict(() -> lifecycle.requeue(id, replacePersonCaption));
    }

    /** Queues a failed image again on the pipeline's own initiative (no retry: the next sweep comes anyway). */
    public boolean retryFailed(UUID id) {
        return lifecycle.requeue(id, false);
    }

    /**
     * Saves a caption a person wrote: embedded with the embedding model, then written with the embedding in one
     * transaction that also announces the change (the index replaces the document). Fails with {@link
     * IllegalArgumentException} for an empty or too long caption and {@link NoSuchElementException} when the image is
     * gone.
     */
    public CompletableFuture<ImageSummary> editCaption(UUID id, @Nullable String text) {
        String caption;
        try {
            caption = clean(text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        EmbeddingService embeddings = embedder.getObject();
        return embeddings
                .embed(caption, InferenceExecutor.Priority.USER)
                .thenApply(vector -> lifecycle
                        .writeCaption(id, caption, vector, embeddings.modelId())
                        .orElseThrow(() -> new NoSuchElementException("There is no image " + id + ".")));
    }

    /** Records the caption of an image {@code instance} has claimed; nothing when it lost the claim. */
    public void finishCaptioning(UUID id, String instance, Captioned result) {
        lifecycle.finish(id, instance, result);
    }

    /** Records why captioning an image {@code instance} has claimed failed; nothing when it lost the claim. */
    public void failCaptioning(UUID id, String instance, String reason, FailureKind kind) {
        lifecycle.fail(id, instance, reason, kind);
    }

    /** How long a deletion can be undone. */
    public Duration undoTime() {
        return properties.undoDelete();
    }

    /** The longest caption a person may write. */
    public int maxCaptionLength() {
        return properties.maxCaptionLength();
    }

    private String clean(@Nullable String text) {
        String caption = text == null
                ? ""
                : text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (caption.isEmpty()) {
            throw new IllegalArgumentException("A caption needs at least one word.");
        }
        if (caption.length() > properties.maxCaptionLength()) {
            throw new IllegalArgumentException(
                    "A caption can be at most " + properties.maxCaptionLength() + " characters long.");
        }
        return caption;
    }

    /**
     * Runs a user's change again when the pipeline changed the same row in between (it claims and finishes rows
     * concurrently, and the row's version catches that): the change is then applied to the row as it is now.
     */
    private static boolean retryingOnConflict(BooleanSupplier change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.getAsBoolean();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
