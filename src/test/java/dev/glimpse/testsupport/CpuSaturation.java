package dev.glimpse.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every core busy while a test runs: {@code threads} platform threads (twice the visible cores by default)
 * spin until {@link #close()}, or until {@code limit} has passed, whichever comes first, so a test of a start-up
 * race sees the scheduling of a shared, busy CI machine rather than a quiet one. The spinners run at normal priority
 * and never block, so a thread the test starts competes with them for the cores.
 */
public final class CpuSaturation implements AutoCloseable {

    private final List<Thread> spinners = new ArrayList<>();
    private volatile boolean spinning = true;

    private CpuSaturation(int threads, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < threads; i++) {
            spinners.add(
                    Thread.ofPlatform().name("cpu-saturation-" + i).daemon().start(() -> spin(deadline)));
        }
    }

    /** Twice as many spinning threads as cores, for at most five minutes. */
    public static CpuSaturation start() {
        return new CpuSaturation(2 * Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(5));
    }

    private void spin(long deadline) {
        long sink = 0;
        while (spinning && System.nanoTime() < deadline) {
            for (int i = 0; i < 10_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop's work observable, so it is not optimised away
        }
    }

    @Override
    public void close() throws InterruptedException {
        spinning = false;
        for (Thread spinner : spinners) {
            spinner.join();
        }
    }
}
