package dev.glimpse.library;

import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.search.SearchHit;
import dev.glimpse.search.SearchService;
import dev.glimpse.serving.InferenceExecutor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a person does to one image after upload: writes its caption (embedded again and re-indexed, so the image is
 * found by its new words), deletes it with a few seconds to undo, and asks for the images most like it (nearest
 * caption embeddings in the search index). Long work runs on the models' executors; nothing here blocks a caller.
 */
@Service
public class ImageEdits {

    /** An image like another one, with the cosine similarity of their caption embeddings. */
    public record Similar(ImageSummary image, double similarity) {}

    private final ImageRepository images;
    private final ImageLifecycle lifecycle;
    private final EmbeddingService embedder;
    private final SearchService search;
    private final LibraryProperties properties;

    ImageEdits(
            ImageRepository images,
            ImageLifecycle lifecycle,
            EmbeddingService embedder,
            SearchService search,
            LibraryProperties properties) {
        this.images = images;
        this.lifecycle = lifecycle;
        this.embedder = embedder;
        this.search = search;
        this.properties = properties;
    }

    /**
     * Saves a caption a person wrote: embedded with the embedding model, then written with the embedding in one
     * transaction that also announces the change (the index replaces the document). Fails with {@link
     * IllegalArgumentException} for an empty or too long caption and {@link java.util.NoSuchElementException} when the
     * image is gone.
     */
    public CompletableFuture<ImageSummary> editCaption(UUID id, @Nullable String text) {
        String caption;
        try {
            caption = clean(text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return embedder.embed(caption, InferenceExecutor.Priority.USER)
                .thenApply(vector -> lifecycle
                        .writeCaption(id, caption, vector, embedder.modelId())
                        .orElseThrow(() -> new java.util.NoSuchElementException("There is no image " + id + ".")));
    }

    /** Hides the image at once (pages, API, search); {@link #undoDelete} brings it back within the undo time. */
    public boolean deleteWithUndo(UUID id) {
        return lifecycle.markDeleted(id);
    }

    /** Brings back an image deleted with {@link #deleteWithUndo}; empty once the undo has run out. */
    public Optional<ImageSummary> undoDelete(UUID id) {
        return lifecycle.restore(id);
    }

    /** How long a deletion can be undone. */
    public java.time.Duration undoTime() {
        return properties.undoDelete();
    }

    /** The longest caption a person may write. */
    public int maxCaptionLength() {
        return properties.maxCaptionLength();
    }

    /**
     * The images whose caption embeddings are nearest to this image's, nearest first (at most {@code k}); empty when
     * the image has no caption yet.
     */
    public CompletableFuture<List<Similar>> similar(UUID id, int k) {
        Optional<float[]> vector = images.findById(id)
                .filter(image -> image.getStatus() == ImageStatus.READY && image.getEmbedding() != null)
                .map(Image::getEmbedding);
        if (vector.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return search.similar(id, vector.get(), k).thenApply(this::summaries);
    }

    /** {@link #similar(UUID, int)} with the configured number of images. */
    public CompletableFuture<List<Similar>> similar(UUID id) {
        return similar(id, properties.similarImages());
    }

    private List<Similar> summaries(List<SearchHit> hits) {
        Map<UUID, Image> found = images
                .findAllById(hits.stream().map(SearchHit::id).toList())
                .stream()
                .filter(image -> image.getStatus() == ImageStatus.READY)
                .collect(Collectors.toMap(Image::getId, Function.identity()));
        return hits.stream()
                .filter(hit -> found.containsKey(hit.id()))
                .map(hit -> new Similar(ImageSummary.of(found.get(hit.id())), hit.similarity()))
                .sorted(Comparator.comparingDouble(Similar::similarity).reversed())
                .toList();
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
}
