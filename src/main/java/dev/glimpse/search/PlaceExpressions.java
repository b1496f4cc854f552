package dev.glimpse.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a place in a query's words, among the {@link KnownPlaces}: the longest run of words that names one, after a
 * word that says "where" ("in lisbon", "from japan", "trip to portugal", "near porto"), or first or last in a short
 * query ("tokyo at night", "lisbon photos"). The framing before it that says nothing of the picture ("our trip to",
 * "when we were in", "on holiday in") belongs to it. A place word without such a cue ("a turkey on the table") is
 * not a place.
 */
final class PlaceExpressions {

    /** What was found: the indexed name, the words as written, and which words (by index) they were. */
    record Found(String name, String text, int firstWord, int endWord) {}

    private static final Set<String> CUES =
            Set.of("in", "from", "to", "at", "near", "around", "visiting", "across", "through", "of");
    private static final Set<String> FRAMING = Set.of(
            "our",
            "my",
            "the",
            "a",
            "trip",
            "holiday",
            "holidays",
            "vacation",
            "visit",
            "when",
            "we",
            "were",
            "was",
            "i",
            "on",
            "during",
            "while",
            "back",
            "photos",
            "pictures",
            "pics");
    private static final int SHORT_QUERY = 4;

    private PlaceExpressions() {}

    static Optional<Found> find(List<String> words, KnownPlaces places) {
        if (places.isEmpty()) {
            return Optional.empty();
        }
        for (int length = KnownPlaces.MAX_WORDS; length >= 1; length--) {
            for (int start = 0; start + length <= words.size(); start++) {
                String text = String.join(" ", words.subList(start, start + length));
                String name = places.resolve(IndexedPlace.key(text));
                if (name != null && cued(words, start, start + length)) {
                    return Optional.of(new Found(name, text, framingStart(words, start), start + length));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean cued(List<String> words, int start, int end) {
        int before = start > 0 && words.get(start - 1).equals("the") ? start - 1 : start;
        if (before > 0 && CUES.contains(words.get(before - 1))) {
            return true;
        }
        return words.size() <= SHORT_QUERY && (before == 0 || end == words.size());
    }

    /** Where the place's words begin, with its cue and the framing before it. */
    private static int framingStart(List<String> words, int start) {
        int first = start;
        if (first > 0 && words.get(first - 1).equals("the")) {
            first--;
        }
        if (first > 0 && CUES.contains(words.get(first - 1))) {
            first--;
            while (first > 0 && FRAMING.contains(words.get(first - 1))) {
                first--;
            }
        }
        return first;
    }

    static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split(" +"));
    }
}
