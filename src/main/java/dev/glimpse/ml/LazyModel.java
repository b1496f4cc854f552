package dev.glimpse.ml;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model loaded on first use rather than at start-up, so the application starts fast and an unavailable model
 * (not downloaded yet, offline) fails the requests that need it with a clear message instead of the whole app.
 * A failed load is reported as a {@link ModelUnavailableException} for the caller to answer and log in one line
 * (the stack trace is logged here at debug level only), and retried on the next use.
 *
 * @param <M> the model class
 */
public final class LazyModel<M extends AutoCloseable> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LazyModel.class);

    private final String name;
    private final Supplier<M> loader;
    private M model;

    /** @param name what the model is for, as users say it ("caption", "speech", "embedding") */
    public LazyModel(String name, Supplier<M> loader) {
        this.name = name;
        this.loader = loader;
    }

    public synchronized M get() {
        if (model == null) {
            try {
                model = loader.get();
            } catch (RuntimeException e) {
                log.debug("Loading the {} model failed", name, e);
                throw new ModelUnavailableException(name, e);
            }
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
