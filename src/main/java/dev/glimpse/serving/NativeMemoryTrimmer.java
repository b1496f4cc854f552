package dev.glimpse.serving;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies {@link MemoryProperties} to the C allocator: caps its arenas at start, before any model loads, and once
 * per idle period (no inference batch for {@code trim-after-idle}) returns the memory the last batches freed, so
 * that an idle Glimpse shrinks back to its weights and the JVM instead of keeping its busiest moment's footprint.
 */
@Component
class NativeMemoryTrimmer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NativeMemoryTrimmer.class);

    private final MemoryProperties properties;
    private @Nullable ScheduledExecutorService schedule;
    private long batchesAtLastTrim = -1;

    NativeMemoryTrimmer(MemoryProperties properties) {
        this.properties = properties;
        if (properties.mallocArenaMax() > 0 && !NativeMemory.limitArenas(properties.mallocArenaMax())) {
            log.info("The C library cannot limit its allocator arenas (not glibc); glimpse.memory settings ignored");
        }
    }

    @Override
    public synchronized void start() {
        if (properties.trimAfterIdle().isZero() || !NativeMemory.available()) {
            return;
        }
        long period = Math.clamp(properties.trimAfterIdle().toMillis() / 2, 100, 5_000);
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("native-memory-trim").daemon().factory());
        schedule.scheduleWithFixedDelay(this::trimWhenIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Trims once after each stretch of work, when every model has been quiet for the configured time. */
    void trimWhenIdle() {
        long batches = InferenceActivity.batchesFinished();
        if (batches == batchesAtLastTrim
                || !InferenceActivity.idleFor(properties.trimAfterIdle().toNanos())) {
            return;
        }
        batchesAtLastTrim = batches;
        boolean released = NativeMemory.trim();
        log.debug("Models idle for {}: allocator trimmed (memory released: {})", properties.trimAfterIdle(), released);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
