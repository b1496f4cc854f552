package dev.glimpse.library;

import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells open pages (and the local pipeline) about committed image changes, made by this instance or any other: the
 * {@link IndexFollower} publishes each change it applies from the shared change log. Pages subscribe while attached
 * and push what they receive to their browser with {@code UI.access}; a listener that fails is logged and does not
 * affect the others.
 */
@Component
public class ImageUpdates {

    private static final Logger log = LoggerFactory.getLogger(ImageUpdates.class);

    private final CopyOnWriteArrayList<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("image-updates").daemon().factory());

    /** One committed change: the image as it is now, or null when it was deleted. */
    public record Update(UUID id, @Nullable ImageSummary image) {
        public boolean deleted() {
            return image == null;
        }
    }

    public Subscription subscribe(Consumer<Update> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Hands the update to the listeners on this class's own thread, in order. The follower that publishes also writes
     * the Lucene index, and listener code (pages pushing to browsers) must not run on it: an interrupt that reaches a
     * thread during Lucene's file I/O closes the index's files for good.
     */
    void publish(Update update) {
        delivery.execute(() -> deliver(update));
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
