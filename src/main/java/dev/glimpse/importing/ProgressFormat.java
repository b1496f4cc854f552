package dev.glimpse.importing;

import dev.glimpse.library.SpokenDuration;
import java.time.Duration;
import java.util.Locale;

/**
 * The text of an import's progress: a bar with count, percentage, rate and time left for a terminal ({@code
 * [#####.....]  1,234/10,000  12%  45.6 files/s  ETA 3 min 12 s}), one plain sentence for logs and pipes ({@code
 * 1,234 of 10,000 files (12%), 45.6 files/s, about 3 min 12 s left}).
 */
public final class ProgressFormat {

    private static final int WIDTH = 30;

    private ProgressFormat() {}

    public static String bar(long done, long total, Duration elapsed) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        return String.format(
                Locale.ROOT,
                "[%s%s]  %s/%s  %3d%%  %s  ETA %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                count(done),
                count(total),
                percent(done, total),
                rate(done, elapsed),
                eta(done, total, elapsed));
    }

    public static String line(long done, long total, Duration elapsed) {
        return String.format(
                Locale.ROOT,
                "%s of %s files (%d%%), %s, about %s left",
                count(done),
                count(total),
                percent(done, total),
                rate(done, elapsed),
                eta(done, total, elapsed));
    }

    /** A count with thousands separators: {@code 10,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static int percent(long done, long total) {
        return total == 0 ? 100 : (int) (100 * Math.min(done, total) / total);
    }

    private static String rate(long done, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%.1f files/s", seconds <= 0 ? 0.0 : done / seconds);
    }

    private static String eta(long done, long total, Duration elapsed) {
        if (done >= total) {
            return "0 s";
        }
        if (done == 0) {
            return "?";
        }
        return SpokenDuration.of(elapsed.multipliedBy(total - done).dividedBy(done));
    }
}
