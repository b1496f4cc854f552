package dev.glimpse.tools.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, so that standard output holds only the report. */
final class Progress {

    private Progress() {}

    static void say(String step) {
        System.err.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + step);
    }
}
