package dev.glimpse.library;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * When, where and with what a photo was taken, as one line: "Taken 14 Jul 2024, 18:03 · Lisbon, Portugal · Apple
 * iPhone 13" (the camera's clock time). Parts that are not known are left out; an upload time standing in for the
 * capture time is not called "taken".
 */
public final class CaptureLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private CaptureLine() {}

    public static String of(PhotoFacts facts) {
        List<String> parts = new ArrayList<>();
        if (facts.takenAt() != null && facts.source() != PhotoFacts.TakenAtSource.UPLOAD) {
            parts.add("Taken " + TIME.format(facts.takenAt()));
        }
        String place = place(facts);
        if (place != null) {
            parts.add(place);
        }
        if (facts.camera() != null) {
            parts.add(facts.camera());
        }
        return String.join(" · ", parts);
    }

    /** "Lisbon, Portugal", or null when the place is not known. */
    public static @Nullable String place(PhotoFacts facts) {
        if (facts.city() == null) {
            return facts.country();
        }
        return facts.country() == null ? facts.city() : facts.city() + ", " + facts.country();
    }

    /** The month heading an image is listed under: "July 2024". */
    public static String month(PhotoFacts facts) {
        return facts.takenAt() == null ? "" : MONTH.format(facts.takenAt());
    }
}
