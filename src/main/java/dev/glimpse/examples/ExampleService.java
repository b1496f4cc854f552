package dev.glimpse.examples;

import dev.glimpse.caption.CaptionService;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.serving.InferenceExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Starts example rounds for idle pages, captions examples at background priority through a shared cache, and keeps
 * an example by sending it through the normal upload path.
 */
@Service
public class ExampleService {

    private final ExamplesProperties properties;
    private final CaptionService captions;
    private final IngestService ingest;
    private final @Nullable RemoteImageSource remote;
    private final FolderImageSource folder;
    private final CaptionCache cache;
    private final AtomicLong idleReports = new AtomicLong();
    private final AtomicLong modelCalls = new AtomicLong();

    ExampleService(ExamplesProperties properties, CaptionService captions, IngestService ingest) {
        this.properties = properties;
        this.captions = captions;
        this.ingest = ingest;
        ImageDecoding decoding = new ImageDecoding(ingest.limits().imageLimits());
        this.remote = properties.remote().configured() ? new RemoteImageSource(properties.remote(), decoding) : null;
        this.folder = new FolderImageSource(properties.folder(), decoding);
        this.cache = new CaptionCache(properties.cacheSize());
    }

    public ExamplesProperties settings() {
        return properties;
    }

    /** Whether any example source is configured: without one the gallery says so rather than "cannot be reached". */
    boolean anySourceConfigured() {
        return remote != null
                || properties.library().enabled()
                || properties.folder().configured();
    }

    /** Counts an idle report from a page (whether or not it leads to a round). */
    void idleReported() {
        idleReports.incrementAndGet();
    }

    /** Idle reports received since start; a metric and a hook for tests. */
    long idleReports() {
        return idleReports.get();
    }

    /** Captioning requests sent to the model for examples (cache misses) since start. */
    long modelCalls() {
        return modelCalls.get();
    }

    ExampleRound startRound(ExampleRound.Listener listener) {
        ExampleSources sources = new ExampleSources(remote, properties.library().enabled() ? ingest : null, folder);
        return new ExampleRound(this::caption, sources, properties.tiles(), listener).start();
    }

    CaptionCache.Lookup caption(Example.Fetched example) {
        return cache.caption(example.cacheKeys(), () -> {
            modelCalls.incrementAndGet();
            return captions.caption(example.pixels(), InferenceExecutor.Priority.BACKGROUND);
        });
    }

    IngestOutcome keep(Example.Fetched example) {
        return ingest.ingest(example.fileName(), example.bytes());
    }
}
