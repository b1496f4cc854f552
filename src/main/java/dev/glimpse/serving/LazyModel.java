package dev.glimpse.serving;

import dev.glimpse.ml.Weights;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A model loaded on first use rather than at start-up, so the application starts fast and an unavailable model
 * (not downloaded yet, offline) fails the requests that need it with a {@link ModelUnavailableException} instead of
 * failing the whole app. A failed load is retried on the next use. A {@link LoadListener} hears of every load.
 *
 * @param <M> the model class
 */
public final class LazyModel<M extends AutoCloseable> implements AutoCloseable {

    /** Hears how each load went (time it took; the error when it failed). */
    public interface LoadListener {
        LoadListener NONE = new LoadListener() {};

        default void loaded(Duration took) {}

        default void failed(RuntimeException error, Duration took) {}
    }

    private final String role;
    private final String modelId;
    private final Supplier<M> loader;
    private final LoadListener listener;
    private @Nullable M model;

    public LazyModel(Supplier<M> loader) {
        this("model", "model", loader, LoadListener.NONE);
    }

    public LazyModel(String role, String modelId, Supplier<M> loader, LoadListener listener) {
        this.role = role;
        this.modelId = modelId;
        this.loader = loader;
        this.listener = listener;
    }

    /** The model, loading it first if needed; a failed load throws {@link ModelUnavailableException}. */
    public synchronized M get() {
        if (model == null) {
            long start = System.nanoTime();
            try {
                model = loader.get();
                Weights.reclaimReplaced();
            } catch (RuntimeException e) {
                listener.failed(e, Duration.ofNanos(System.nanoTime() - start));
                throw new ModelUnavailableException(role, modelId, e);
            }
            listener.loaded(Duration.ofNanos(System.nanoTime() - start));
        }
        return model;
    }

    public synchronized boolean isLoaded() {
        return model != null;
    }

    @Override
    public synchronized void close() throws Exception {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
