package dev.glimpse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs one search over the {@link ImageIndex}: k-NN of the query embedding against the caption vectors and BM25 of
 * the query words against the caption text, each over {@link SearchProperties#candidates} documents (many more than
 * shown), fused by {@link ReciprocalRankFusion} with the embedding's ranking counting fully and BM25's counting
 * {@link SearchProperties#textWeight}. An image that only the embedding found (no caption word in common)
 * is kept only if its cosine similarity reaches {@link SearchProperties#minSimilarity}; an image whose caption
 * shares a word with the query is always kept. Thread-safe.
 */
final class HybridSearcher {

    private final ImageIndex index;
    private final SearchProperties settings;

    HybridSearcher(ImageIndex index, SearchProperties settings) {
        this.index = index;
        this.settings = settings;
    }

    /** The best {@code k} images for the cleaned query text and its unit-length embedding, best first. */
    List<Match> search(String text, float[] vector, int k, Retrieval retrieval) {
        return index.withSearcher(searcher -> search(searcher, text, vector, k, retrieval));
    }

    /** The {@code k} images whose caption embeddings are nearest to {@code vector}, nearest first, without threshold. */
    List<Match> nearest(float[] vector, int k) {
        return index.withSearcher(searcher -> {
            if (searcher.getIndexReader().numDocs() == 0) {
                return List.of();
            }
            List<Match> matches = new ArrayList<>(k);
            for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(ImageIndex.VECTOR, vector, k), k).scoreDocs) {
                Document document = searcher.storedFields().document(hit.doc);
                double similarity = cosineFromScore(hit.score);
                matches.add(new Match(
                        UUID.fromString(document.get(ImageIndex.ID)),
                        document.get(ImageIndex.CAPTION),
                        similarity,
                        similarity,
                        false));
            }
            return matches;
        });
    }

    private List<Match> search(IndexSearcher searcher, String text, float[] vector, int k, Retrieval retrieval)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        int candidates = settings.candidates(k);
        Map<Integer, Double> similarities = new HashMap<>();
        List<ReciprocalRankFusion.Ranking> rankings = new ArrayList<>();
        if (retrieval != Retrieval.TEXT) {
            rankings.add(ReciprocalRankFusion.Ranking.of(vectorRanking(searcher, vector, candidates, similarities)));
        }
        Set<Integer> wordMatches = new HashSet<>();
        if (retrieval != Retrieval.VECTOR) {
            List<Integer> textRanking = textRanking(searcher, text, candidates);
            wordMatches.addAll(textRanking);
            rankings.add(new ReciprocalRankFusion.Ranking(textRanking, settings.textWeight()));
        }
        List<Match> matches = new ArrayList<>(k);
        for (ReciprocalRankFusion.Fused fused : ReciprocalRankFusion.fuse(settings.rrfRankConstant(), rankings)) {
            if (matches.size() == k) {
                break;
            }
            double similarity = similarities.containsKey(fused.doc())
                    ? similarities.get(fused.doc())
                    : similarity(searcher, fused.doc(), vector);
            boolean wordsMatched = wordMatches.contains(fused.doc());
            if (wordsMatched || similarity >= settings.minSimilarity()) {
                matches.add(match(searcher, fused, similarity, wordsMatched));
            }
        }
        return matches;
    }

    private static List<Integer> vectorRanking(
            IndexSearcher searcher, float[] vector, int candidates, Map<Integer, Double> similarities)
            throws IOException {
        List<Integer> ranking = new ArrayList<>();
        for (ScoreDoc hit :
                searcher.search(new KnnFloatVectorQuery(ImageIndex.VECTOR, vector, candidates), candidates).scoreDocs) {
            ranking.add(hit.doc);
            similarities.put(hit.doc, cosineFromScore(hit.score));
        }
        return ranking;
    }

    private static List<Integer> textRanking(IndexSearcher searcher, String text, int candidates) throws IOException {
        Optional<Query> query = CaptionQuery.of(text, ImageIndex.queryAnalyzer());
        if (query.isEmpty()) {
            return List.of();
        }
        List<Integer> ranking = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.get(), candidates).scoreDocs) {
            ranking.add(hit.doc);
        }
        return ranking;
    }

    /** Lucene scores DOT_PRODUCT matches of unit vectors as {@code (1 + cosine) / 2}; this undoes that. */
    static double cosineFromScore(float score) {
        return 2.0 * score - 1.0;
    }

    /** The cosine similarity of a document the k-NN ranking did not return, from its stored vector. */
    private static double similarity(IndexSearcher searcher, int doc, float[] vector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(ImageIndex.VECTOR);
        if (values == null) {
            return -1;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        int local = doc - leaf.docBase;
        if (iterator.advance(local) != local) {
            return -1;
        }
        float[] stored = values.vectorValue(iterator.index());
        double dot = 0;
        for (int i = 0; i < Math.min(stored.length, vector.length); i++) {
            dot += stored[i] * vector[i];
        }
        return dot;
    }

    private static Match match(
            IndexSearcher searcher, ReciprocalRankFusion.Fused fused, double similarity, boolean wordsMatched)
            throws IOException {
        Document document = searcher.storedFields().document(fused.doc());
        return new Match(
                UUID.fromString(document.get(ImageIndex.ID)),
                document.get(ImageIndex.CAPTION),
                fused.score(),
                similarity,
                wordsMatched);
    }
}
