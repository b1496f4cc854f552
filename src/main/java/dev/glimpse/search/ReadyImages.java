package dev.glimpse.search;

import java.util.function.Consumer;

/** The source of truth for the index: every captioned image, provided by the feature that stores them. */
public interface ReadyImages {

    /** Calls the consumer once for every image that is ready to be found. */
    void forEachReady(Consumer<IndexedImage> consumer);
}
