package dev.glimpse.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A capture-time range understood from a query: the words as the user wrote them ({@code text}: "last summer") and the
 * local days they mean, {@code from} inclusive to {@code until} exclusive.
 */
public record TimeRange(String text, LocalDate from, LocalDate until) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public TimeRange {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("Empty time range " + from + ".." + until);
        }
    }

    /** The last day of the range. */
    public LocalDate to() {
        return until.minusDays(1);
    }

    /** "last summer: 1 Jun 2025 – 31 Aug 2025". */
    public String label() {
        String days = from.equals(to()) ? DAY.format(from) : DAY.format(from) + " – " + DAY.format(to());
        return text + ": " + days;
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return until.atStartOfDay(zone).toInstant();
    }
}
