package dev.glimpse.tools.compare;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples memory every few milliseconds while a model runs and keeps the peaks: JVM heap in use
 * ({@link MemoryMXBean#getHeapMemoryUsage()}) and the process's resident set ({@code VmRSS} in
 * {@code /proc/self/status}, Linux only; -1 elsewhere). The native tensors of DJL/libtorch show only in the RSS,
 * which also holds the JVM itself and memory the allocator kept from earlier models — read RSS peaks as "at most".
 */
final class MemorySampler implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss = -1;

    MemorySampler() {
        sample();
        thread = Thread.ofPlatform().daemon(true).name("memory-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        peakRss = Math.max(peakRss, residentSetBytes());
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    /** The peak resident set in bytes, or -1 where {@code /proc/self/status} does not exist. */
    long peakRssBytes() {
        return peakRss;
    }

    static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
