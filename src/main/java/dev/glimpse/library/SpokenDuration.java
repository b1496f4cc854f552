package dev.glimpse.library;

import java.time.Duration;

/** A duration as people say it, to its two largest units: {@code 1 h 40 min}, {@code 3 min 12 s}, {@code 45 s}. */
public final class SpokenDuration {

    private SpokenDuration() {}

    public static String of(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (hours > 0) {
            return minutes > 0 ? hours + " h " + minutes + " min" : hours + " h";
        }
        if (minutes > 0) {
            return secs > 0 ? minutes + " min " + secs + " s" : minutes + " min";
        }
        return secs + " s";
    }
}
