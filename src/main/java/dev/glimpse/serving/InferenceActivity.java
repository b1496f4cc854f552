package dev.glimpse.serving;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the models last worked, process-wide: every {@link InferenceExecutor} batch is counted while it runs. The
 * native memory a batch leaves behind belongs to the process, not to one model, so {@link NativeMemoryTrimmer}
 * asks this one place whether all models have been quiet long enough to hand memory back.
 */
public final class InferenceActivity {

    private static final AtomicInteger running = new AtomicInteger();
    private static final AtomicLong batches = new AtomicLong();
    private static final AtomicLong lastEndNanos = new AtomicLong(System.nanoTime());

    private InferenceActivity() {}

    static void batchStarted() {
        running.incrementAndGet();
    }

    static void batchEnded() {
        lastEndNanos.set(System.nanoTime());
        batches.incrementAndGet();
        running.decrementAndGet();
    }

    /** Batches finished since the process started. */
    public static long batchesFinished() {
        return batches.get();
    }

    /** True when no batch runs and none ended during the last {@code nanos} nanoseconds. */
    public static boolean idleFor(long nanos) {
        return running.get() == 0 && System.nanoTime() - lastEndNanos.get() >= nanos;
    }
}
