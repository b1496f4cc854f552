package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/**
 * Runs one search over the {@link ImageIndex}. The candidates are the k-NN of the query embedding among the caption
 * vectors and the BM25 matches of the query words, each over {@link SearchProperties#candidates} documents (many more
 * than shown), both among the photos the query's capture time and place allow ({@link CaptureFilter}). A candidate's
 * score is the cosine similarity of its caption to the query plus {@link SearchProperties#wordWeight} times its
 * {@link SharedWords word evidence} (0..1) plus {@link SearchProperties#pairWeight} times its {@link AttributePairs
 * attribute binding} (-1..1): the shared words count only as far as they cover the query and single the image out,
 * and the binding decides between "a brown dog on a white rug" and "a white dog on a brown rug", which share every
 * word. {@link ResultCut} decides what is shown (matches, then closest matches when there are few). A query that is
 * only a time or place lists the photos taken then or there, newest first. Thread-safe.
 */
final class HybridSearcher {

    private final ImageIndex index;
    private final SearchProperties settings;

    HybridSearcher(ImageIndex index, SearchProperties settings) {
        this.index = index;
        this.settings = settings;
    }

    /** The best {@code k} images for a query taken literally, in its {@link QueryText#searchForm search form}. */
    List<Match> search(String text, float[] vector, int k, Retrieval retrieval) {
        return search(UnderstoodQuery.literal(text), vector, k, retrieval);
    }

    /** The best {@code k} images for an understood query and the unit-length embedding of its words, best first. */
    List<Match> search(UnderstoodQuery query, float[] vector, int k, Retrieval retrieval) {
        return index.withSearcher(searcher -> search(searcher, query, vector, k, retrieval));
    }

    /**
     * The query {@link QueryUnderstanding understood} against this index, relative to {@code today} ({@link
     * IndexedUnderstanding}), correcting no word that {@code known} knows.
     */
    UnderstoodQuery understand(String searchForm, LocalDate today, Set<QueryPart> without, KnownWords known) {
        return new IndexedUnderstanding(index, settings.zone(), known).understand(searchForm, today, without);
    }

    /** The {@code k} images whose caption embeddings are nearest to {@code vector}, nearest first, without threshold. */
    List<Match> nearest(float[] vector, int k) {
        return index.withSearcher(searcher -> {
            if (searcher.getIndexReader().numDocs() == 0) {
                return List.of();
            }
            List<Match> matches = new ArrayList<>(k);
            for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k), k).scoreDocs) {
                Document document = searcher.storedFields().document(hit.doc);
                double similarity = cosineFromScore(hit.score);
                matches.add(new Match(
                        UUID.fromString(document.get(IndexFields.ID)),
                        document.get(IndexFields.CAPTION),
                        similarity,
                        similarity,
                        true,
                        List.of()));
            }
            return matches;
        });
    }

    private record Candidate(int doc, double score, double similarity, SharedWords.Evidence evidence) {}

    private List<Match> search(
            IndexSearcher searcher, UnderstoodQuery query, float[] vector, int k, Retrieval retrieval)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        Query filter = CaptureFilter.of(query, settings.zone());
        if (query.words().isBlank()) {
            return filter == null ? List.of() : CaptureFilter.newest(searcher, filter, k);
        }
        String text = query.words();
        int candidates = settings.candidates(k);
        Map<Integer, Double> similarities =
                retrieval == Retrieval.TEXT ? Map.of() : vectorRanking(searcher, vector, candidates, filter);
        Map<Integer, Float> textScores =
                retrieval == Retrieval.VECTOR ? Map.of() : textRanking(searcher, text, candidates, retrieval, filter);
        Set<Integer> docs = new LinkedHashSet<>(similarities.keySet());
        docs.addAll(textScores.keySet());
        SharedWords words = new SharedWords(searcher.getIndexReader(), text);
        AttributePairs pairs = new AttributePairs(text);
        StoredFields stored = searcher.storedFields();
        List<ResultCut.Ranked<Candidate>> ranked = new ArrayList<>(docs.size());
        for (int doc : docs) {
            double similarity =
                    similarities.containsKey(doc) ? similarities.get(doc) : similarity(searcher, doc, vector);
            String caption = caption(stored, doc);
            SharedWords.Evidence evidence = words.in(caption);
            double score = switch (retrieval) {
                case VECTOR -> similarity;
                case TEXT -> textScores.get(doc);
                case HYBRID ->
                    similarity
                            + settings.wordWeight() * evidence.strength()
                            + (pairs.any() ? settings.pairWeight() * pairs.binding(caption) : 0);
            };
            boolean matches = switch (retrieval) {
                case VECTOR -> similarity >= settings.minSimilarity();
                case TEXT -> true;
                case HYBRID -> similarity >= settings.minSimilarity() || evidence.strength() >= SharedWords.MATCHING;
            };
            ranked.add(new ResultCut.Ranked<>(new Candidate(doc, score, similarity, evidence), matches));
        }
        ranked.sort(Comparator.comparingDouble(
                        (ResultCut.Ranked<Candidate> r) -> r.candidate().score())
                .reversed()
                .thenComparingInt(r -> r.candidate().doc()));
        List<Match> matches = new ArrayList<>(k);
        for (ResultCut.Ranked<Candidate> shown : ResultCut.shown(ranked, settings.closestMatches(), k)) {
            matches.add(match(stored, shown.candidate(), !shown.matches()));
        }
        return matches;
    }

    /** The k-NN documents with their cosine similarity, nearest first. */
    private static Map<Integer, Double> vectorRanking(
            IndexSearcher searcher, float[] vector, int candidates, @Nullable Query filter) throws IOException {
        Map<Integer, Double> similarities = new LinkedHashMap<>();
        Query nearest = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, candidates, filter);
        for (ScoreDoc hit : searcher.search(nearest, candidates).scoreDocs) {
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
            IndexSearcher searcher, String text, int candidates, Retrieval retrieval, @Nullable Query filter)
            throws IOException {
        Optional<Query> query = textQuery(searcher.getIndexReader(), text, retrieval);
        Map<Integer, Float> scores = new LinkedHashMap<>();
        if (query.isPresent()) {
            Query filtered = filter == null
                    ? query.get()
                    : new BooleanQuery.Builder()
                            .add(query.get(), BooleanClause.Occur.MUST)
                            .add(filter, BooleanClause.Occur.FILTER)
                            .build();
            for (ScoreDoc hit : searcher.search(filtered, candidates).scoreDocs) {
                scores.put(hit.doc, hit.score);
            }
        }
        return scores;
    }

    /** The BM25 query of a search: for a hybrid search, of the words that can still single an image out. */
    static Optional<Query> textQuery(IndexReader reader, String text, Retrieval retrieval) {
        return CaptionQuery.of(
                text,
                IndexFields.queryAnalyzer(),
                term -> retrieval != Retrieval.HYBRID || SharedWords.telling(documentFrequency(reader, term)));
    }

    private static int documentFrequency(IndexReader reader, String term) {
        try {
            return reader.docFreq(new Term(IndexFields.CAPTION, term));
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
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
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
        return stored.document(doc, Set.of(IndexFields.CAPTION)).get(IndexFields.CAPTION);
    }

    private Match match(StoredFields stored, Candidate candidate, boolean closest) throws IOException {
        Document document = stored.document(candidate.doc());
        return new Match(
                UUID.fromString(document.get(IndexFields.ID)),
                document.get(IndexFields.CAPTION),
                candidate.score(),
                candidate.similarity(),
                candidate.similarity() >= settings.minSimilarity(),
                candidate.evidence().words(),
                closest);
    }
}
