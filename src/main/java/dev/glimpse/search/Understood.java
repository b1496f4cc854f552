package dev.glimpse.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the search understood of a query, as the API answers it ({@code understood}) and the page shows it as chips:
 * the capture-time range ({@code time}: the words and the first and last day), the place ({@code place}, as said),
 * the fillers removed, the words mapped ("grandpa → old man") and corrected ("watterfall → waterfall"), the occasion
 * expanded ("birthday → a cake with candles…"), and what was understood but matched no photo and so was searched as
 * words ({@code unmatched}: "last summer"). {@code searched}: the words embedded and matched.
 */
public record Understood(
        String searched,
        @Nullable Time time,
        @Nullable String place,
        List<String> removed,
        List<String> mapped,
        List<String> corrected,
        @Nullable String occasion,
        List<String> unmatched) {

    /** A capture-time range: the words as said, the first and the last day. */
    public record Time(String text, LocalDate from, LocalDate to) {}

    /** One removable part of the understanding, as a chip says it. */
    public record Chip(QueryPart part, String label) {}

    public Understood {
        removed = List.copyOf(removed);
        mapped = List.copyOf(mapped);
        corrected = List.copyOf(corrected);
        unmatched = List.copyOf(unmatched);
    }

    /** Nothing understood: the query was searched as it was. */
    public static Understood literal(String searched) {
        return new Understood(searched, null, null, List.of(), List.of(), List.of(), null, List.of());
    }

    static Understood of(UnderstoodQuery query) {
        TimeRange time = query.time();
        return new Understood(
                query.words(),
                time == null ? null : new Time(time.text(), time.from(), time.to()),
                query.placeText(),
                query.removed(),
                query.mapped().stream().map(RoleWords.Mapping::label).toList(),
                query.corrected().stream().map(RoleWords.Mapping::label).toList(),
                query.occasion() == null ? null : query.occasion().label(),
                query.unmatched());
    }

    /** The chips of the page, one per part understood; removing one searches again without that part. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        if (time != null) {
            chips.add(new Chip(
                    QueryPart.TIME,
                    "When: " + new TimeRange(time.text(), time.from(), time.to().plusDays(1)).label()));
        }
        if (place != null) {
            chips.add(new Chip(QueryPart.PLACE, "Where: " + place));
        }
        if (!removed.isEmpty()) {
            chips.add(new Chip(QueryPart.FILLERS, "Left out: " + String.join(", ", quoted(removed))));
        }
        if (!mapped.isEmpty()) {
            chips.add(new Chip(QueryPart.FAMILY, "As captions say: " + String.join(", ", mapped)));
        }
        if (!corrected.isEmpty()) {
            chips.add(new Chip(QueryPart.SPELLING, "Spelling: " + String.join(", ", corrected)));
        }
        if (occasion != null) {
            chips.add(new Chip(QueryPart.OCCASION, "Occasion: " + occasion));
        }
        return chips;
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(word -> "“" + word + "”").toList();
    }
}
