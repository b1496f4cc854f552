package dev.glimpse.ml.hub;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a response body that has delivered no bytes for too long, so that a stalled connection ends the attempt
 * (and the download resumes) instead of blocking forever: {@link java.net.http.HttpClient} has no read timeout.
 */
final class StallWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "model-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final ScheduledFuture<?> check;
    private final Duration limit;

    StallWatchdog(Closeable body, Duration limit) {
        this.limit = limit;
        long period = Math.max(10, limit.toMillis() / 4);
        this.check = TIMER.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - lastProgress.get() > limit.toNanos()
                            && stalled.compareAndSet(false, true)) {
                        try {
                            body.close();
                        } catch (IOException e) {
                            // the reader sees the closed stream either way
                        }
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    void progressed() {
        lastProgress.set(System.nanoTime());
    }

    /** Throws when the watchdog closed the body, whatever the reader saw (an exception or a premature end). */
    void checkNotStalled() throws IOException {
        if (stalled.get()) {
            throw new IOException("no data for " + limit.toMillis() + " ms; the connection was dropped");
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
