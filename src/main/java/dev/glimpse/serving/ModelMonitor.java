package dev.glimpse.serving;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.hub.HubException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Knows every configured model and how it stands: the model services build their lazy model and inference executor
 * here, so that load times, latencies, batch sizes and refusals are measured ({@code glimpse_model_load_seconds},
 * {@code glimpse_inference_*}), failed loads are remembered with their reason, and a model that becomes usable is
 * announced ({@link ModelAvailable}). {@link #states()} answers the health endpoint and the pages.
 */
@Component
public class ModelMonitor {

    private static final Logger log = LoggerFactory.getLogger(ModelMonitor.class);

    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ModelLocator locator;
    private final ModelsProperties properties;
    private final Map<String, ModelEntry> entries = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong announcements = new java.util.concurrent.atomic.AtomicLong();

    ModelMonitor(
            MeterRegistry meters, ApplicationEventPublisher events, ModelLocator locator, ModelsProperties properties) {
        this.meters = meters;
        this.events = events;
        this.locator = locator;
        this.properties = properties;
    }

    /** A lazily loaded model for {@code role} whose loads are timed, remembered and announced. */
    public <M extends AutoCloseable> LazyModel<M> lazy(String role, String model, Supplier<M> loader) {
        ModelEntry entry = entries.computeIfAbsent(role, key -> new ModelEntry(role, model));
        Gauge.builder("glimpse.model.available", entry, e -> state(e).missing() ? 0 : 1)
                .description("1 when the model can be used (loaded, on disk or downloadable), 0 when it is missing")
                .tags("role", role, "model", model)
                .register(meters);
        Supplier<M> guarded = () -> {
            ModelEntry.Failure failure = entry.failure;
            if (failure != null
                    && failure.kind() != null
                    && failure.at().plus(properties.recheckInterval()).isAfter(java.time.Instant.now())
                    && !onDisk(model)) {
                // known to be missing a moment ago: answer at once instead of asking the hub again for every batch
                throw new HubException(failure.kind(), failure.message());
            }
            return loader.get();
        };
        return new LazyModel<>(role, model, guarded, new LazyModel.LoadListener() {
            @Override
            public void loaded(Duration took) {
                loadTimer(role, model, "success").record(took);
                log.info("Loaded the {} model {} in {} ms", role, model, took.toMillis());
                boolean wasMissing = entry.failure != null;
                entry.loaded = true;
                entry.failure = null;
                if (wasMissing) {
                    announce(entry);
                }
            }

            @Override
            public void failed(RuntimeException error, Duration took) {
                loadTimer(role, model, "failure").record(took);
                remember(entry, error);
            }
        });
    }

    /** An inference executor for {@code role} whose latencies, batches and refusals are measured. */
    public <I, O> InferenceExecutor<I, O> executor(
            String role, String model, ExecutorProperties settings, Function<List<I>, List<O>> batch) {
        InferenceExecutor<I, O> executor = settings.build(role, batch, new InferenceMeters(meters, role, model));
        Gauge.builder("glimpse.inference.queued", executor, InferenceExecutor::queued)
                .description("Requests waiting for a model worker")
                .tags("role", role, "model", model)
                .register(meters);
        return executor;
    }

    /**
     * Calls {@code listener} (on a background thread) whenever a model goes missing or becomes available; run the
     * returned action to stop. Pages use it to show or hide their banner.
     */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * How many times a model has been announced as available since start. Work that failed for want of a model
     * compares this before and after its attempt: a change means the model appeared while the attempt was failing,
     * possibly after the retry of failed work had already looked, so the work should be tried again by itself.
     */
    public long availabilityAnnouncements() {
        return announcements.get();
    }

    /** Every configured model and how it stands now (files are looked for on disk, the hub is not asked). */
    public List<ModelState> states() {
        List<ModelState> states = new ArrayList<>();
        entries.values().stream()
                .sorted(java.util.Comparator.comparing(entry -> entry.role))
                .forEach(entry -> states.add(state(entry)));
        return states;
    }

    /**
     * Asks again, for each model that is not loaded (only those known to be missing unless {@code
     * announceAvailable}), whether it is on disk or could be fetched now (the hub is
     * asked for its config when the model is not on disk), remembers why not, and announces a model that became
     * available. {@code announceAvailable}: announce every available model, not only those that were missing.
     * Returns the models that are missing.
     */
    List<ModelState> recheck(boolean announceAvailable) {
        List<ModelState> missing = new ArrayList<>();
        for (ModelEntry entry : entries.values()) {
            if (entry.loaded || (entry.failure != null && entry.failure.kind() == null)) {
                continue; // loaded, or its files are there but did not load: a later load attempt tells
            }
            if (entry.failure == null && !announceAvailable) {
                continue; // not known to be missing: nothing to look for (the hub is not asked every time)
            }
            try {
                locator.checkAvailable(entry.model);
                boolean wasMissing = entry.failure != null;
                entry.failure = null;
                if (wasMissing || announceAvailable) {
                    if (wasMissing) {
                        log.info("The {} model {} is available again", entry.role, entry.model);
                    }
                    announce(entry);
                }
            } catch (HubException e) {
                remember(entry, e);
                missing.add(state(entry));
            } catch (RuntimeException e) {
                log.warn("Could not check whether the {} model {} is available", entry.role, entry.model, e);
            }
        }
        return missing;
    }

    private ModelState state(ModelEntry entry) {
        return entry.state(locator, properties.offline());
    }

    private boolean onDisk(String model) {
        return ModelEntry.onDisk(locator, model);
    }

    private void remember(ModelEntry entry, RuntimeException error) {
        ModelEntry.Failure failure = ModelEntry.Failure.of(error);
        ModelEntry.Failure before = entry.failure;
        entry.failure = failure;
        entry.loaded = false;
        if (before == null || before.kind() != failure.kind()) {
            notifyListeners();
            ModelState state = state(entry);
            log.warn(
                    "The {} model {} is missing: {} ({}). To fix it: {}.",
                    entry.role,
                    entry.model,
                    state.reason(),
                    failure.message(),
                    state.fix());
        }
    }

    private void announce(ModelEntry entry) {
        ModelAvailable event = new ModelAvailable(entry.role, entry.model);
        announcements.incrementAndGet();
        Thread.ofVirtual().name("model-available-" + entry.role).start(() -> events.publishEvent(event));
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            Thread.ofVirtual().start(() -> {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.debug("A model state listener failed", e);
                }
            });
        }
    }

    private Timer loadTimer(String role, String model, String outcome) {
        return Timer.builder("glimpse.model.load")
                .description("Time to load a model into memory (download excluded when its files are on disk)")
                .tags("role", role, "model", model, "outcome", outcome)
                .register(meters);
    }
}
