package dev.glimpse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Searches over an {@link ImageIndex} without the models, for benchmarks and operators: the hybrid search the
 * application runs for a typed query (given the query's embedding), and the plain HNSW k-NN of a vector.
 */
public final class IndexProbes {

    private final ImageIndex index;
    private final HybridSearcher hybrid;

    public IndexProbes(ImageIndex index, SearchProperties settings) {
        this.index = index;
        this.hybrid = new HybridSearcher(index, settings);
    }

    /** The ids the application would show for this query text and embedding, best first. */
    public List<UUID> hybrid(String text, float[] vector, int k) {
        return hybrid.search(text, vector, k, Retrieval.HYBRID).stream()
                .map(Match::id)
                .toList();
    }

    /** The best {@code k} ids of an HNSW search that explores {@code candidates} neighbours (at least k). */
    public List<UUID> nearest(float[] vector, int k, int candidates) {
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(
                    new KnnFloatVectorQuery(IndexFields.VECTOR, vector, Math.max(k, candidates)),
                    Math.max(k, candidates));
            List<UUID> ids = new ArrayList<>(k);
            for (ScoreDoc hit : top.scoreDocs) {
                if (ids.size() == k) {
                    break;
                }
                ids.add(id(searcher, hit.doc));
            }
            return ids;
        });
    }

    private static UUID id(org.apache.lucene.search.IndexSearcher searcher, int doc) throws IOException {
        return UUID.fromString(searcher.storedFields().document(doc).get(IndexFields.ID));
    }
}
