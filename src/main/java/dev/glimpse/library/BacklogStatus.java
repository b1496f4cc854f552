package dev.glimpse.library;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The captioning backlog at one moment: {@code waiting} images (waiting or being captioned) out of {@code total}
 * (every image stored since the oldest waiting one), the recent captioning rate (images per second, measured from
 * finished images over the last minutes; null until measured) and so the time left.
 */
public record BacklogStatus(
        long waiting, long total, @Nullable Double imagesPerSecond) {

    public static final BacklogStatus NONE = new BacklogStatus(0, 0, null);

    public long done() {
        return Math.max(0, total - waiting);
    }

    /** The time left at the measured rate; empty while nothing waits or the rate is not known yet. */
    public Optional<Duration> timeLeft() {
        if (waiting == 0 || imagesPerSecond == null || imagesPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(waiting / imagesPerSecond * 1000)));
    }

    /** {@code Captioning 3,412 of 10,000 · about 1 h 40 min left}; empty when nothing waits. */
    public String describe() {
        if (waiting == 0) {
            return "";
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String left = timeLeft()
                .map(time -> "about " + SpokenDuration.of(time) + " left")
                .orElse("estimating the time left");
        return "Captioning " + numbers.format(done()) + " of " + numbers.format(total) + " · " + left;
    }
}
