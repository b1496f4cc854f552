package dev.glimpse.search;

import java.util.List;

/**
 * The answer to one search: the query as it was searched (cleaned and possibly shortened), the hits best first,
 * and a message for the user when there are no hits (empty query, empty library, nothing matched); the message is
 * null when there are hits.
 */
public record SearchResults(String query, List<SearchHit> hits, String message) {

    static final String EMPTY_QUERY = "Type or say what you are looking for.";
    // not "the library is empty": uploaded images may be waiting for their caption (or for a missing model)
    static final String EMPTY_LIBRARY =
            "No image is captioned yet: upload some images, or wait until they are captioned, then search again.";
    static final String NO_MATCH = "No image matches your search; try other words.";

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults of(String query, List<SearchHit> hits) {
        return new SearchResults(query, hits, hits.isEmpty() ? NO_MATCH : null);
    }

    static SearchResults none(String query, String message) {
        return new SearchResults(query, List.of(), message);
    }
}
