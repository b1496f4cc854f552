package dev.glimpse.ml.hub;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a line when a file starts, one every 10 % for files of {@value #STEP_LOG_BYTES} bytes or more (every 5 s when
 * the size is unknown) and a closing line with the size and speed.
 */
final class DownloadProgress {

    private static final Logger log = LoggerFactory.getLogger(DownloadProgress.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    static final long STEP_LOG_BYTES = 10_000_000L;

    private final String label;
    private final long total;
    private final long startBytes;
    private final long startNanos = System.nanoTime();
    private int nextPercent;
    private long lastLogNanos = startNanos;

    DownloadProgress(String label, long total, long startBytes) {
        this.label = label;
        this.total = total;
        this.startBytes = startBytes;
        this.nextPercent = total > 0 ? (int) (100 * startBytes / total) / 10 * 10 + 10 : 0;
        log.info(
                "Downloading {}: {}{}",
                label,
                total >= 0 ? FileDownload.megabytes(total) : "unknown size",
                startBytes > 0 ? ", resuming at " + FileDownload.megabytes(startBytes) : "");
    }

    void update(long bytes) {
        long now = System.nanoTime();
        if (total >= STEP_LOG_BYTES) {
            int percent = (int) (100 * bytes / total);
            if (percent >= nextPercent && percent < 100) {
                log.info(
                        "Downloading {}: {}% ({} of {})",
                        label, percent, FileDownload.megabytes(bytes), FileDownload.megabytes(total));
                nextPercent = percent / 10 * 10 + 10;
                lastLogNanos = now;
            }
        } else if (total < 0 && now - lastLogNanos > INTERVAL_NANOS) {
            log.info("Downloading {}: {}", label, FileDownload.megabytes(bytes));
            lastLogNanos = now;
        }
    }

    void done(long bytes) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        log.info(
                "Downloaded {}: 100% ({} in {} s, {} MB/s)",
                label,
                FileDownload.megabytes(bytes),
                String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.1f", (bytes - startBytes) / 1e6 / seconds));
    }
}
