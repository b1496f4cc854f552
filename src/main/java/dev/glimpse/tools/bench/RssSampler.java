package dev.glimpse.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples this process's resident set size ({@code VmRSS} in {@code /proc/self/status}) on its own thread while
 * something runs, so a report can show whether memory stays flat: first, middle, last and largest sample.
 */
final class RssSampler implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final List<Long> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(Duration interval) {
        thread = Thread.ofPlatform().daemon().name("rss-sampler").unstarted(() -> sample(interval));
        thread.start();
    }

    /** The resident set size now, in bytes; -1 where {@code /proc} does not tell. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void sample(Duration interval) {
        while (running) {
            long rss = residentBytes();
            synchronized (samples) {
                samples.add(rss);
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling (one last sample is taken). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        synchronized (samples) {
            samples.add(residentBytes());
        }
    }

    /** "RSS first 812 MB, middle 845 MB, last 851 MB, max 870 MB (412 samples)". */
    String summary() {
        synchronized (samples) {
            if (samples.isEmpty() || samples.getFirst() < 0) {
                return "RSS not available (no /proc/self/status)";
            }
            long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
            return "RSS first %s, middle %s, last %s, max %s (%d samples)"
                    .formatted(
                            mb(samples.getFirst()),
                            mb(samples.get(samples.size() / 2)),
                            mb(samples.getLast()),
                            mb(max),
                            samples.size());
        }
    }

    private static String mb(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
