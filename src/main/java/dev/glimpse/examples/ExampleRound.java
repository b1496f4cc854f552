package dev.glimpse.examples;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills one gallery's tiles once, on a virtual thread: takes the next example from the sources for each tile in turn,
 * asks for its caption (cached, background priority) and tells the listener about each tile as its caption arrives
 * or when it has to be left empty. Fetching the next example overlaps with captioning the previous ones. Cancelling
 * stops fetching and cancels the model requests this round started.
 */
final class ExampleRound {

    private static final Logger log = LoggerFactory.getLogger(ExampleRound.class);

    /** Called from background threads; implementations hand over to the UI themselves. */
    interface Listener {
        void captioned(int tile, Example example, String caption);

        void skipped(int tile);
    }

    private final Function<Example.Fetched, CaptionCache.Lookup> captions;
    private final ExampleSources sources;
    private final int tiles;
    private final Listener listener;
    private final List<CompletableFuture<String>> started = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile @Nullable Thread thread;

    ExampleRound(
            Function<Example.Fetched, CaptionCache.Lookup> captions,
            ExampleSources sources,
            int tiles,
            Listener listener) {
        this.captions = captions;
        this.sources = sources;
        this.tiles = tiles;
        this.listener = listener;
    }

    ExampleRound start() {
        Thread gathering = Thread.ofVirtual().name("example-round").unstarted(this::run);
        thread = gathering; // set before it runs, so a cancel that comes at once always reaches it
        gathering.start();
        return this;
    }

    /** Whether this round has stopped taking examples from the sources (all tiles handed out, or cancelled). */
    boolean fetchingDone() {
        return thread != null && !thread.isAlive();
    }

    void cancel() {
        cancelled = true;
        if (thread != null) {
            thread.interrupt();
        }
        started.forEach(caption -> caption.cancel(false));
    }

    private void run() {
        int tile = 0;
        try {
            for (; tile < tiles && !cancelled; tile++) {
                Optional<Example> next = sources.next();
                if (next.isEmpty()) {
                    break;
                }
                deliver(tile, next.get(), caption(next.get()));
            }
        } catch (RuntimeException e) {
            log.warn("Examples could not be gathered", e);
        }
        for (; tile < tiles && !cancelled; tile++) {
            listener.skipped(tile);
        }
    }

    private CompletableFuture<String> caption(Example example) {
        return switch (example) {
            case Example.FromLibrary library ->
                CompletableFuture.completedFuture(library.image().caption());
            case Example.Fetched fetched -> {
                CaptionCache.Lookup lookup = captions.apply(fetched);
                if (lookup.started()) {
                    started.add(lookup.caption());
                    if (cancelled) { // cancelled while this request was being made: cancel() may have missed it
                        lookup.caption().cancel(false);
                    }
                }
                yield lookup.caption();
            }
        };
    }

    private void deliver(int tile, Example example, CompletableFuture<String> caption) {
        caption.whenComplete((text, error) -> {
            if (cancelled) {
                return;
            }
            if (error != null || text == null || text.isBlank()) {
                log.info("Example caption skipped: {}", error == null ? "empty caption" : error.toString());
                listener.skipped(tile);
            } else {
                listener.captioned(tile, example, text);
            }
        });
    }
}
