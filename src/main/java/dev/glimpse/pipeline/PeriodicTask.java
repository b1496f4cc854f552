package dev.glimpse.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Housekeeping that runs on one daemon thread of its own with a fixed delay between runs, from when the application
 * starts until it stops. A run that throws is handed to {@link #failed} and the next run comes as planned.
 */
abstract class PeriodicTask implements SmartLifecycle {

    private final String threadName;
    private final boolean enabled;
    private final Duration firstRun;
    private final Duration delay;
    private @Nullable ScheduledExecutorService schedule;

    /**
     * @param enabled false: {@link #start} does nothing
     * @param firstRun how long after start the first run comes
     * @param delay the pause between the end of one run and the start of the next (at least a millisecond)
     */
    PeriodicTask(String threadName, boolean enabled, Duration firstRun, Duration delay) {
        this.threadName = threadName;
        this.enabled = enabled;
        this.firstRun = firstRun;
        this.delay = delay;
    }

    /** One run of the work. */
    abstract void run();

    /** Reports a run that threw; the task goes on. */
    abstract void failed(RuntimeException error);

    @Override
    public synchronized void start() {
        if (!enabled || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        schedule.scheduleWithFixedDelay(
                this::runQuietly, firstRun.toMillis(), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
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

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            failed(e);
        }
    }
}
