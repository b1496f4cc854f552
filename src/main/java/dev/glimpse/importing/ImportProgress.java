package dev.glimpse.importing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows how far an import got: on a terminal a bar redrawn in place at most ten times a second; otherwise a plain
 * line every {@code interval} (and at the end), so logs and pipes get a readable history rather than carriage returns.
 */
final class ImportProgress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final long start;
    private long done;
    private long lastShown;

    ImportProgress(PrintStream out, boolean terminal, long total, Duration interval, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.intervalNanos = terminal ? REDRAW_NANOS : interval.toNanos();
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastShown = start;
    }

    /** Counts one more file done; shows the progress when it is time to. */
    synchronized void advance() {
        done++;
        long now = nanoTime.getAsLong();
        if (now - lastShown >= intervalNanos) {
            show(now);
        }
    }

    /** Shows the final state (the bar is ended with a new line). */
    synchronized void finish() {
        show(nanoTime.getAsLong());
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(long now) {
        lastShown = now;
        Duration elapsed = Duration.ofNanos(now - start);
        if (terminal) {
            out.print("\r" + ProgressFormat.bar(done, total, elapsed));
        } else {
            out.println(ProgressFormat.line(done, total, elapsed));
        }
        out.flush();
    }
}
