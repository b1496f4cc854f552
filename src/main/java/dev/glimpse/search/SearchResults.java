package dev.glimpse.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one search: the query as it was searched (cleaned and possibly shortened), the hits best first,
 * a message for the user when there are no hits (empty query, empty library, nothing matched) or only closest
 * matches (null otherwise), what the search understood of the query, and whether the hits are only the closest
 * matches (nothing matched well).
 */
public record SearchResults(
        String query, List<SearchHit> hits, @Nullable String message, Understood understood, boolean closestMatches) {

    static final String EMPTY_QUERY = "Type or say what you are looking for.";
    // not "the library is empty": uploaded images may be waiting for their caption (or for a missing model)
    public static final String EMPTY_LIBRARY =
            "No image is captioned yet: upload some images, or wait until they are captioned, then search again.";
    static final String NO_MATCH = "No image matches your search; try other words.";

    public static final String CLOSEST_MATCHES = "Nothing matches well; these are the closest matches.";

    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Results searched as they were typed, without anything understood. */
    public SearchResults(String query, List<SearchHit> hits, @Nullable String message) {
        this(query, hits, message, Understood.literal(query), false);
    }

    static SearchResults of(String query, List<SearchHit> hits) {
        return of(query, hits, Understood.literal(query));
    }

    /**
     * The hits of an understood query; when every hit is only a closest match, the message says so ({@code
     * closestMatches}).
     */
    static SearchResults of(String query, List<SearchHit> hits, Understood understood) {
        boolean closest = !hits.isEmpty() && hits.stream().allMatch(SearchHit::closest);
        String message = hits.isEmpty() ? NO_MATCH : closest ? CLOSEST_MATCHES : null;
        return new SearchResults(query, hits, message, understood, closest);
    }

    static SearchResults none(String query, String message) {
        return new SearchResults(query, List.of(), message);
    }
}
