package dev.glimpse.library;

import dev.glimpse.imaging.BrowserRendition;
import dev.glimpse.storage.BlobStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Everything pages, the API, other features and the pipeline read of the stored images: one image or a page of them,
 * the library filtered and sliced as the grid shows it ({@link Library}), their bytes and thumbnails, the images most
 * like one, the captioning backlog, and a subscription to every committed change. Deleted images are never returned.
 */
@Service
public class ImageQueries {

    /** An image like another one, with the cosine similarity of their caption embeddings. */
    public record Similar(ImageSummary image, double similarity) {}

    private final ImageRepository images;
    private final BlobStore blobs;
    private final Library library;
    private final Backlog backlog;
    private final SimilarImages similar;
    private final ImageUpdates updates;
    private final LibraryProperties properties;

    ImageQueries(
            ImageRepository images,
            BlobStore blobs,
            Library library,
            Backlog backlog,
            SimilarImages similar,
            ImageUpdates updates,
            LibraryProperties properties) {
        this.images = images;
        this.blobs = blobs;
        this.library = library;
        this.backlog = backlog;
        this.similar = similar;
        this.updates = updates;
        this.properties = properties;
    }

    public Optional<ImageSummary> find(UUID id) {
        return images.findById(id)
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .map(ImageSummary::of);
    }

    /** One page of the library, latest taken first (the upload time standing in when unknown). */
    public Page<ImageSummary> library(int page, int size) {
        return images.findByStatusNotOrderByCaptureTakenAtDescCreatedAtDescIdDesc(
                        ImageStatus.DELETED, PageRequest.of(page, size))
                .map(ImageSummary::of);
    }

    /** The newest captioned ({@code READY}) images, at most {@code limit} of them. */
    public List<ImageSummary> captioned(int limit) {
        return images.findByStatusOrderByCreatedAtDesc(ImageStatus.READY, PageRequest.of(0, Math.max(1, limit)))
                .map(ImageSummary::of)
                .getContent();
    }

    public long count() {
        return images.countByStatusNot(ImageStatus.DELETED);
    }

    /** The file names of those of the images that exist and are not deleted. */
    public Map<UUID, String> fileNames(Collection<UUID> ids) {
        return images.findAllById(ids).stream()
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .collect(Collectors.toMap(Image::getId, Image::getOriginalName));
    }

    /** How many images match the filter. */
    public long count(LibraryFilter filter) {
        return library.count(filter);
    }

    /** The matching images from {@code offset}, at most {@code limit}, latest taken first. */
    public List<ImageSummary> slice(LibraryFilter filter, long offset, int limit) {
        return library.slice(filter, offset, limit);
    }

    /** How many matching images were taken in each month, latest month first (the order of {@link #slice}). */
    public List<MonthCount> months(LibraryFilter filter) {
        return library.months(filter);
    }

    /** Where the image stands among the matching ones (0 = newest), or -1 when it does not match. */
    public long position(LibraryFilter filter, UUID id) {
        return library.position(filter, id);
    }

    /** The image {@code step} places after (or before, when negative) {@code image} among the matching ones. */
    public Optional<ImageSummary> neighbour(LibraryFilter filter, ImageSummary image, int step) {
        return library.neighbour(filter, image, step);
    }

    /** The captioning backlog now (see {@link Backlog}). */
    public BacklogStatus backlog() {
        return backlog.current();
    }

    /**
     * The images whose caption embeddings are nearest to this image's, nearest first (at most {@code k}); empty when
     * the image has no caption yet.
     */
    public CompletableFuture<List<Similar>> similar(UUID id, int k) {
        return similar.similar(id, k);
    }

    /** {@link #similar(UUID, int)} with the configured number of images. */
    public CompletableFuture<List<Similar>> similar(UUID id) {
        return similar.similar(id, properties.similarImages());
    }

    /**
     * Calls the listener after every committed change to any image, made on any instance, with the image as it is
     * now (null when it was deleted). Pages subscribe while attached and close the subscription when detached.
     */
    public Subscription onChange(BiConsumer<UUID, @Nullable ImageSummary> listener) {
        return updates.subscribe(update -> listener.accept(update.id(), update.image()));
    }

    /** The stored original as it is served. */
    public Optional<StoredBytes> content(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getStorageKey())
                        .map(bytes -> new StoredBytes(bytes, image.getMimeType(), image.getSha256())));
    }

    /**
     * The image as a browser is shown it: the original, or for a format browsers cannot show (HEIC, AVIF) a JPEG
     * made from it ({@link BrowserRendition}).
     */
    public Optional<StoredBytes> display(UUID id) {
        return content(id)
                .map(stored -> BrowserRendition.jpegFor(stored.contentType(), stored.bytes())
                        .map(jpeg -> new StoredBytes(jpeg, "image/jpeg", "d-" + stored.etag()))
                        .orElse(stored));
    }

    /** The image's JPEG thumbnail as it is served. */
    public Optional<StoredBytes> thumbnail(UUID id) {
        return images.findById(id)
                .flatMap(image -> blobs.get(image.getThumbnailKey())
                        .map(bytes -> new StoredBytes(bytes, "image/jpeg", "t-" + image.getSha256())));
    }
}
