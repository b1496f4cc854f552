package dev.glimpse.library;

import dev.glimpse.search.index.IndexFollower;
import dev.glimpse.search.index.IndexedChanges;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells open pages (and the local pipeline) about committed image changes, made by this instance or any other: once
 * this instance's {@link IndexFollower} has applied changes from the shared change log ({@link IndexedChanges}), each
 * changed image is read as it is now and handed to the listeners. Pages subscribe while attached (through {@link
 * ImageQueries#onChange}) and push what they receive to their browser with {@code UI.access}; a listener that fails is
 * logged and does not affect the others.
 */
@Component
class ImageUpdates {

    private static final Logger log = LoggerFactory.getLogger(ImageUpdates.class);

    private final ImageRepository images;
    private final CopyOnWriteArrayList<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("image-updates").daemon().factory());

    /** One committed change: the image as it is now, or null when it was deleted. */
    public record Update(UUID id, @Nullable ImageSummary image) {
        public boolean deleted() {
            return image == null;
        }
    }

    ImageUpdates(ImageRepository images) {
        this.images = images;
    }

    Subscription subscribe(Consumer<Update> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Reads the changed images and hands them to the listeners on this class's own thread, in order. The follower that
     * announces the changes also writes the Lucene index, and listener code (pages pushing to browsers) must not run on
     * it: an interrupt that reaches a thread during Lucene's file I/O closes the index's files for good.
     */
    @EventListener
    void onIndexed(IndexedChanges changes) {
        delivery.execute(() -> read(changes.ids()).forEach(this::deliver));
    }

    private List<Update> read(List<UUID> ids) {
        try {
            Map<UUID, ImageSummary> now =
                    images.findAllById(ids).stream().collect(Collectors.toMap(Image::getId, ImageSummary::of));
            return ids.stream().map(id -> new Update(id, now.get(id))).toList();
        } catch (RuntimeException e) {
            log.warn("Could not read {} changed images to tell the pages", ids.size(), e);
            return List.of();
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }

    private void deliver(Update update) {
        for (Consumer<Update> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.warn("A page could not be told about image {}", update.id(), e);
            }
        }
    }
}
