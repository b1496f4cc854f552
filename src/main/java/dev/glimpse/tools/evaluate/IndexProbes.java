package dev.glimpse.tools.evaluate;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.Match;
import dev.glimpse.search.Retrieval;
import dev.glimpse.search.SearchProbe;
import dev.glimpse.search.SearchProperties;
import java.util.List;
import java.util.UUID;

/**
 * Searches over an {@link ImageIndex} without the models, for benchmarks and operators: the hybrid search the
 * application runs for a typed query (given the query's embedding), and the plain HNSW k-NN of a vector.
 */
public final class IndexProbes {

    private final SearchProbe probe;

    public IndexProbes(ImageIndex index, SearchProperties settings) {
        this.probe = new SearchProbe(index, settings);
    }

    /** The ids the application would show for this query text and embedding, best first. */
    public List<UUID> hybrid(String text, float[] vector, int k) {
        return probe.search(text, vector, k, Retrieval.HYBRID).stream()
                .map(Match::id)
                .toList();
    }

    /** The best {@code k} ids of an HNSW search that explores {@code candidates} neighbours (at least k). */
    public List<UUID> nearest(float[] vector, int k, int candidates) {
        return probe.nearest(vector, k, candidates);
    }
}
