package dev.glimpse.ingest;

import com.vaadin.flow.shared.Registration;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
class ImageUpdates {

    private static final Logger log = LoggerFactory.getLogger(ImageUpdates.class);

    private final CopyOnWriteArrayList<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();

    /** One committed change: the image as it is now, or null when it was deleted. */
    record Update(UUID id, ImageSummary image) {
        boolean deleted() {
            return image == null;
        }
    }

    Registration subscribe(Consumer<Update> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Update update) {
        for (Consumer<Update> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.warn("A page could not be told about image {}", update.id(), e);
            }
        }
    }
}
