package dev.glimpse.ml;

import java.util.function.Supplier;

/**
 * A model loaded on first use rather than at start-up, so the application starts fast and an unavailable model
 * (not downloaded yet, offline) fails the requests that need it with a clear message instead of the whole app.
 * A failed load is retried on the next use.
 *
 * @param <M> the model class
 */
public final class LazyModel<M extends AutoCloseable> implements AutoCloseable {

    private final Supplier<M> loader;
    private M model;

    public LazyModel(Supplier<M> loader) {
        this.loader = loader;
    }

    public synchronized M get() {
        if (model == null) {
            model = loader.get();
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
