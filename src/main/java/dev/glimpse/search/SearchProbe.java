package dev.glimpse.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The application's search over any {@link ImageIndex}, given the query's embedding, for the command-line tools that
 * measure it without the models ({@code evaluate-search}, {@code bench}): the same cleaning, query understanding and
 * {@link Retrieval rankings} as a user's search, and the plain HNSW k-NN of a vector. Thread-safe.
 */
public final class SearchProbe {

    private final HybridSearcher searcher;

    public SearchProbe(ImageIndex index, SearchProperties settings) {
        this.searcher = new HybridSearcher(index, settings);
    }

    /** What a user's typed or spoken words become before they are embedded and matched: cleaned, in search form. */
    public static String searchForm(String typed, int maxLength) {
        return QueryText.searchForm(QueryText.clean(typed, maxLength));
    }

    /**
     * The query in its {@link #searchForm search form} understood against this index relative to {@code today},
     * correcting no word that {@code knownWords} knows.
     */
    public UnderstoodQuery understand(String searchForm, LocalDate today, Predicate<String> knownWords) {
        return searcher.understand(searchForm, today, Set.of(), knownWords::test);
    }

    /** The best {@code k} images for an understood query and the unit-length embedding of its words, best first. */
    public List<Match> search(UnderstoodQuery query, float[] vector, int k, Retrieval retrieval) {
        return searcher.search(query, vector, k, retrieval);
    }

    /** The best {@code k} images for a query in its search form taken literally, best first. */
    public List<Match> search(String searchForm, float[] vector, int k, Retrieval retrieval) {
        return searcher.search(searchForm, vector, k, retrieval);
    }

    /** The best {@code k} ids of an HNSW search that explores {@code candidates} neighbours (at least k). */
    public List<UUID> nearest(float[] vector, int k, int candidates) {
        return searcher.nearest(vector, Math.max(k, candidates)).stream()
                .limit(k)
                .map(Match::id)
                .toList();
    }
}
