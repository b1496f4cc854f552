package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The place names a query can name: every city, region and country the index holds (in {@link IndexedPlace#key key form}),
 * plus common English aliases of those present ("usa", "the states" → "united states"; "holland" → "netherlands";
 * "nyc" → "new york city"). No gazetteer: a place no photo was taken in is not a place here.
 */
final class KnownPlaces {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "united states"),
            Map.entry("us", "united states"),
            Map.entry("u s", "united states"),
            Map.entry("u s a", "united states"),
            Map.entry("america", "united states"),
            Map.entry("the states", "united states"),
            Map.entry("united states of america", "united states"),
            Map.entry("uk", "united kingdom"),
            Map.entry("u k", "united kingdom"),
            Map.entry("britain", "united kingdom"),
            Map.entry("great britain", "united kingdom"),
            Map.entry("holland", "netherlands"),
            Map.entry("the netherlands", "netherlands"),
            Map.entry("nyc", "new york city"),
            Map.entry("new york", "new york city"),
            Map.entry("la", "los angeles"),
            Map.entry("czech republic", "czechia"),
            Map.entry("uae", "united arab emirates"),
            Map.entry("the uae", "united arab emirates"),
            Map.entry("the us", "united states"),
            Map.entry("the usa", "united states"),
            Map.entry("the uk", "united kingdom"),
            Map.entry("korea", "south korea"),
            Map.entry("burma", "myanmar"),
            Map.entry("turkiye", "turkey"));

    /** The longest place name (in words) that is looked for. */
    static final int MAX_WORDS = 5;

    private final Map<String, String> names;

    KnownPlaces(Set<String> indexed) {
        this.names = new HashMap<>();
        for (String name : indexed) {
            names.put(name, name);
        }
        ALIASES.forEach((alias, name) -> {
            if (indexed.contains(name)) {
                names.putIfAbsent(alias, name);
            }
        });
    }

    /** The place names of every photo in the index. */
    static KnownPlaces of(IndexReader reader) {
        Set<String> indexed = new HashSet<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, IndexFields.PLACE);
            if (terms != null) {
                TermsEnum iterator = terms.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    indexed.add(term.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownPlaces(indexed);
    }

    /** The indexed name that {@code words} (in key form) name, or null. */
    @Nullable
    String resolve(String words) {
        return names.get(words);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }
}
