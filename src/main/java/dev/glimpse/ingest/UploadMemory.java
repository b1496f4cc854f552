package dev.glimpse.ingest;

import java.util.concurrent.Semaphore;

/**
 * Bounds the heap that uploads being checked and stored hold at once: each reserves about four times its size (the
 * bytes, the cleaned copy and the rewrite's buffers) plus its decoded working pixels, out of half the heap; the rest
 * wait their turn (their bytes wait on disk). One upload larger than the whole budget still runs, alone.
 */
final class UploadMemory {

    /** A decoded working image (≤ 2048 × 2048 ARGB) and the decoder's own buffers. */
    static final long PIXELS = 32L << 20;

    private final long budget;
    private final Semaphore permits;

    UploadMemory(long budgetBytes) {
        this.budget = Math.max(1, budgetBytes >> 10);
        this.permits = new Semaphore((int) Math.min(Integer.MAX_VALUE, budget), true);
    }

    /** Half of this JVM's largest heap. */
    static UploadMemory ofHeap() {
        return new UploadMemory(Runtime.getRuntime().maxMemory() / 2);
    }

    /** Waits until an upload of {@code bytes} may be worked on; close the answer when done. */
    Reservation reserve(long bytes) {
        int kilobytes = (int) Math.min(budget, (4 * bytes + PIXELS) >> 10);
        permits.acquireUninterruptibly(kilobytes);
        return () -> permits.release(kilobytes);
    }

    /** Memory held for one upload. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
