package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs one search over the {@link ImageIndex}. The candidates are the k-NN of the query embedding among the caption
 * vectors and the BM25 matches of the query words, each over {@link SearchProperties#candidates} documents (many more
 * than shown). A candidate's score is the cosine similarity of its caption to the query plus
 * {@link SearchProperties#wordWeight} times its {@link SharedWords word evidence} (0..1): the words it shares with
 * the query count only as far as they cover the query and single the image out, so a shared rare word ("heron",
 * "42") can lift an image past neighbours the embedding blurs with it, while a shared common word ("park") cannot
 * outrank the caption that means what the query says. An image is kept if its similarity reaches
 * {@link SearchProperties#minSimilarity} or its caption shares a word with the query. Thread-safe.
 */
final class HybridSearcher {

    private final ImageIndex index;
    private final SearchProperties settings;

    HybridSearcher(ImageIndex index, SearchProperties settings) {
        this.index = index;
        this.settings = settings;
    }

    /**
     * The best {@code k} images for the query in its {@link QueryText#searchForm search form} and its unit-length
     * embedding, best first.
     */
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
                        true,
                        List.of()));
            }
            return matches;
        });
    }

    private record Candidate(int doc, double score, double similarity, SharedWords.Evidence evidence) {}

    private List<Match> search(IndexSearcher searcher, String text, float[] vector, int k, Retrieval retrieval)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        int candidates = settings.candidates(k);
        Map<Integer, Double> similarities =
                retrieval == Retrieval.TEXT ? Map.of() : vectorRanking(searcher, vector, candidates);
        Map<Integer, Float> textScores =
                retrieval == Retrieval.VECTOR ? Map.of() : textRanking(searcher, text, candidates, retrieval);
        Set<Integer> docs = new LinkedHashSet<>(similarities.keySet());
        docs.addAll(textScores.keySet());
        SharedWords words = new SharedWords(searcher.getIndexReader(), text);
        StoredFields stored = searcher.storedFields();
        List<Candidate> ranked = new ArrayList<>(docs.size());
        for (int doc : docs) {
            double similarity =
                    similarities.containsKey(doc) ? similarities.get(doc) : similarity(searcher, doc, vector);
            SharedWords.Evidence evidence = words.in(caption(stored, doc));
            double score = switch (retrieval) {
                case VECTOR -> similarity;
                case TEXT -> textScores.get(doc);
                case HYBRID -> similarity + settings.wordWeight() * evidence.strength();
            };
            boolean kept = switch (retrieval) {
                case VECTOR -> similarity >= settings.minSimilarity();
                case TEXT -> true;
                case HYBRID ->
                    similarity >= settings.minSimilarity() || !evidence.words().isEmpty();
            };
            if (kept) {
                ranked.add(new Candidate(doc, score, similarity, evidence));
            }
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::doc));
        List<Match> matches = new ArrayList<>(Math.min(k, ranked.size()));
        for (Candidate candidate : ranked.subList(0, Math.min(k, ranked.size()))) {
            matches.add(match(stored, candidate));
        }
        return matches;
    }

    /** The k-NN documents with their cosine similarity, nearest first. */
    private static Map<Integer, Double> vectorRanking(IndexSearcher searcher, float[] vector, int candidates)
            throws IOException {
        Map<Integer, Double> similarities = new LinkedHashMap<>();
        for (ScoreDoc hit :
                searcher.search(new KnnFloatVectorQuery(ImageIndex.VECTOR, vector, candidates), candidates).scoreDocs) {
            similarities.put(hit.doc, cosineFromScore(hit.score));
        }
        return similarities;
    }

    /**
     * The BM25 documents with their score, best first. For a hybrid search only the words that can still single an
     * image out are looked up ({@link SharedWords#TELLING_DOCUMENTS}): a document found through common words alone
     * gets no word evidence and ranks by its similarity, which the k-NN ranking already covers, while the postings of
     * a word in most captions are the costliest part of a search in a large library.
     */
    private static Map<Integer, Float> textRanking(
            IndexSearcher searcher, String text, int candidates, Retrieval retrieval) throws IOException {
        Optional<Query> query = textQuery(searcher.getIndexReader(), text, retrieval);
        Map<Integer, Float> scores = new LinkedHashMap<>();
        if (query.isPresent()) {
            for (ScoreDoc hit : searcher.search(query.get(), candidates).scoreDocs) {
                scores.put(hit.doc, hit.score);
            }
        }
        return scores;
    }

    /** The BM25 query of a search: for a hybrid search, of the words that can still single an image out. */
    static Optional<Query> textQuery(IndexReader reader, String text, Retrieval retrieval) {
        return CaptionQuery.of(
                text,
                ImageIndex.queryAnalyzer(),
                term -> retrieval != Retrieval.HYBRID || SharedWords.telling(documentFrequency(reader, term)));
    }

    private static int documentFrequency(IndexReader reader, String term) {
        try {
            return reader.docFreq(new Term(ImageIndex.CAPTION, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String caption(StoredFields stored, int doc) throws IOException {
        return stored.document(doc, Set.of(ImageIndex.CAPTION)).get(ImageIndex.CAPTION);
    }

    private Match match(StoredFields stored, Candidate candidate) throws IOException {
        Document document = stored.document(candidate.doc());
        return new Match(
                UUID.fromString(document.get(ImageIndex.ID)),
                document.get(ImageIndex.CAPTION),
                candidate.score(),
                candidate.similarity(),
                candidate.similarity() >= settings.minSimilarity(),
                candidate.evidence().words());
    }
}
