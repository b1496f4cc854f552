package dev.glimpse.tools.compare;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar, redrawn with a carriage return: {@code model  [#####.....]  5/10 image.jpg}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final int total;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void show(int done, String detail) {
        out.print("\r" + render(label, done, total, detail));
        if (done == total) {
            out.println();
        }
        out.flush();
    }

    static String render(String label, int done, int total, String detail) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        return String.format(Locale.ROOT, "%-24s [%s] %3d/%d %s", label, bar, done, total, detail);
    }
}
