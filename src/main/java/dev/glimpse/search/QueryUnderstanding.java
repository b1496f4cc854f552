package dev.glimpse.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes a query's search form apart, typed and spoken alike, in this order: spoken fillers and framing are removed
 * ({@link SpokenFillers}); a time expression becomes a capture-time range ({@link TimeExpressions}, relative to the
 * user's today), a holiday's name staying in the words; a place the library has photos of becomes a place filter
 * ({@link PlaceExpressions}); family words are put as captions say them ({@link RoleWords}); an occasion gains what
 * its photos show ({@link Occasions}). Any part can be left out ({@code without}): the chips the user removes. When
 * nothing would be left to search and nothing filters, the query is taken as it was.
 */
final class QueryUnderstanding {

    private static final Pattern HOLIDAY = Pattern.compile("christmas|xmas|new year'?s eve|halloween|thanksgiving");

    private QueryUnderstanding() {}

    /** A word's correction, or null ({@link Spelling}). */
    @FunctionalInterface
    interface Speller {
        @Nullable
        String correction(String word);
    }

    static UnderstoodQuery understand(String searchForm, LocalDate today, KnownPlaces places, Set<QueryPart> without) {
        return understand(searchForm, today, places, word -> null, without);
    }

    static UnderstoodQuery understand(
            String searchForm, LocalDate today, KnownPlaces places, Speller speller, Set<QueryPart> without) {
        List<String> words = PlaceExpressions.words(searchForm);
        List<String> removed = new ArrayList<>();
        if (!without.contains(QueryPart.FILLERS)) {
            SpokenFillers.Result fillers = SpokenFillers.remove(words);
            words = fillers.words();
            removed.addAll(fillers.removed());
        }
        TimeRange time = null;
        if (!without.contains(QueryPart.TIME)) {
            String text = String.join(" ", words);
            Optional<TimeExpressions.Found> found = TimeExpressions.find(text, today);
            if (found.isPresent()) {
                time = found.get().range();
                words = PlaceExpressions.words(cut(text, found.get()));
            }
        }
        String placeName = null;
        String placeText = null;
        if (!without.contains(QueryPart.PLACE)) {
            Optional<PlaceExpressions.Found> place = PlaceExpressions.find(words, places);
            if (place.isPresent()) {
                placeName = place.get().name();
                placeText = place.get().text();
                words = new ArrayList<>(words);
                words.subList(place.get().firstWord(), place.get().endWord()).clear();
            }
        }
        List<RoleWords.Mapping> corrected = new ArrayList<>();
        if (!without.contains(QueryPart.SPELLING)) {
            words = correct(words, speller, corrected);
        }
        List<RoleWords.Mapping> mapped = List.of();
        if (!without.contains(QueryPart.FAMILY)) {
            RoleWords.Result roles = RoleWords.map(words);
            words = roles.words();
            mapped = roles.mappings();
        }
        Occasions.Expansion occasion = without.contains(QueryPart.OCCASION) ? null : Occasions.find(words);
        String text = String.join(" ", words);
        if (occasion != null) {
            text = text + " " + occasion.shows().replace(",", "");
        }
        if (text.isBlank() && time == null && placeName == null) {
            return UnderstoodQuery.literal(searchForm);
        }
        return new UnderstoodQuery(
                text.strip(), time, placeName, placeText, removed, mapped, occasion, List.of(), corrected);
    }

    /** The words with those no caption has corrected, except family and occasion words, which have their own. */
    private static List<String> correct(List<String> words, Speller speller, List<RoleWords.Mapping> corrected) {
        List<String> result = new ArrayList<>(words.size());
        for (String word : words) {
            String correction =
                    RoleWords.TABLE.containsKey(word) || Occasions.names(word) ? null : speller.correction(word);
            if (correction == null) {
                result.add(word);
            } else {
                result.add(correction);
                corrected.add(new RoleWords.Mapping(word, correction));
            }
        }
        return result;
    }

    /** The text without the time expression; a holiday's name stays, as its photos may show it. */
    private static String cut(String text, TimeExpressions.Found found) {
        Matcher holiday = HOLIDAY.matcher(found.range().text());
        String kept = holiday.find() ? " " + holiday.group() + " " : " ";
        return (text.substring(0, found.start()) + kept + text.substring(found.end())).strip();
    }
}
