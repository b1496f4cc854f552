package dev.glimpse.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query as {@link QueryUnderstanding} took it apart: the words that are searched (embedded and matched against the
 * captions), the capture-time range and the place that filter the photos, the spoken fillers removed, the family
 * words mapped and the occasion expanded. {@code placeName} is the indexed name ("united states"), {@code
 * placeText} the words as said ("the usa").
 */
public record UnderstoodQuery(
        String words,
        @Nullable TimeRange time,
        @Nullable String placeName,
        @Nullable String placeText,
        List<String> removed,
        List<RoleWords.Mapping> mapped,
        Occasions.@Nullable Expansion occasion,
        List<String> unmatched,
        List<RoleWords.Mapping> corrected) {

    public UnderstoodQuery {
        removed = List.copyOf(removed);
        mapped = List.copyOf(mapped);
        unmatched = List.copyOf(unmatched);
        corrected = List.copyOf(corrected);
    }

    UnderstoodQuery(
            String words,
            @Nullable TimeRange time,
            @Nullable String placeName,
            @Nullable String placeText,
            List<String> removed,
            List<RoleWords.Mapping> mapped,
            Occasions.@Nullable Expansion occasion) {
        this(words, time, placeName, placeText, removed, mapped, occasion, List.of(), List.of());
    }

    /** A query taken literally. */
    static UnderstoodQuery literal(String words) {
        return new UnderstoodQuery(words, null, null, null, List.of(), List.of(), null);
    }

    /** Whether the photos are filtered by time or place. */
    boolean filtered() {
        return time != null || placeName != null;
    }

    /**
     * The same query without its time filter, when no photo was taken then: the words stay searched, and {@code
     * unmatched} says what was dropped ("last summer").
     */
    UnderstoodQuery withoutTime() {
        List<String> dropped = new java.util.ArrayList<>(unmatched);
        dropped.add(time == null ? "" : time.text());
        return new UnderstoodQuery(
                words(time == null ? "" : time.text()),
                null,
                placeName,
                placeText,
                removed,
                mapped,
                occasion,
                dropped,
                corrected);
    }

    /** The same query without its place filter, when no photo was taken there. */
    UnderstoodQuery withoutPlace() {
        List<String> dropped = new java.util.ArrayList<>(unmatched);
        dropped.add(placeText == null ? "" : placeText);
        return new UnderstoodQuery(
                words(placeText == null ? "" : placeText),
                time,
                null,
                null,
                removed,
                mapped,
                occasion,
                dropped,
                corrected);
    }

    /** The searched words with a dropped filter's words back, so that they are not lost. */
    private String words(String dropped) {
        return (words + " " + dropped).strip();
    }
}
