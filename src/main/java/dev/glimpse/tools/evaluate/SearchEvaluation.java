package dev.glimpse.tools.evaluate;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.search.Match;
import dev.glimpse.search.Retrieval;
import dev.glimpse.search.SearchProbe;
import dev.glimpse.search.SearchProperties;
import dev.glimpse.search.UnderstoodQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Measures how well the search finds the intended image of each query of an {@link EvaluationSet}: the captions are
 * embedded and indexed (with their capture day and place) in a temporary {@link ImageIndex}, every query goes through
 * the same steps as a user's through {@link SearchProbe} (cleaning, search form, for the hybrid search the query
 * understood relative to the set's today, embedding, search; the embedding and BM25 alone take the query literally,
 * as the baselines), and for each
 * {@link Retrieval} the rank of the intended caption among the first {@link #DEPTH} results gives recall@1,
 * recall@5 and the mean reciprocal rank (0 for a caption not among them, e.g. hidden by the minimum similarity).
 * Index once, then {@link #run} with any settings. Used by {@link EvaluateSearch} and the quality tests.
 */
final class SearchEvaluation implements AutoCloseable {

    /** Ranks deeper than this count as not found. */
    static final int DEPTH = 100;

    /** Embeds texts as unit vectors, in order. */
    @FunctionalInterface
    interface Embedder {
        float[][] embed(List<String> texts);
    }

    /** Recall@1, recall@5 and mean reciprocal rank. */
    record Metrics(double recallAt1, double recallAt5, double mrr) {

        static Metrics of(int[] ranks) {
            double first = 0;
            double topFive = 0;
            double reciprocal = 0;
            for (int rank : ranks) {
                first += rank == 1 ? 1 : 0;
                topFive += rank >= 1 && rank <= 5 ? 1 : 0;
                reciprocal += rank >= 1 ? 1.0 / rank : 0;
            }
            int n = Math.max(1, ranks.length);
            return new Metrics(first / n, topFive / n, reciprocal / n);
        }
    }

    /** A query whose intended image the hybrid search did not put first; rank 0: not among the results. */
    record Miss(String query, @Nullable String first, String intended, int rank) {}

    /**
     * What one run measured. {@code hidden}: queries whose intended image only the threshold hid; {@code byKind}: the
     * metrics of each kind of query (by the set's kind column), in the order the kinds first appear.
     */
    record Result(
            EvaluationSet set,
            SearchProperties settings,
            Map<Retrieval, Metrics> metrics,
            Map<Retrieval, int[]> ranks,
            List<Miss> misses,
            int hidden,
            Map<String, Map<Retrieval, Metrics>> byKind) {}

    private final EvaluationSet set;
    private final Path folder;
    private final ImageIndex index;
    private final List<String> searchForms = new ArrayList<>();
    private final List<UnderstoodQuery> understood = new ArrayList<>();
    private final float[][] queryVectors;
    private final float[][] understoodVectors;
    private final Embedder embedder;
    private final Predicate<String> known;
    private final LocalDate today;

    private SearchEvaluation(EvaluationSet set, Embedder embedder, Predicate<String> known, Path folder) {
        this.set = set;
        this.embedder = embedder;
        this.known = known;
        this.folder = folder;
        this.index = new ImageIndex(folder);
        this.today = set.today() != null ? set.today() : LocalDate.now(ZONE);
        float[][] captionVectors = embedder.embed(set.captions());
        List<IndexedImage> images = new ArrayList<>(captionVectors.length);
        for (int i = 0; i < set.captions().size(); i++) {
            EvaluationSet.Facts facts = set.facts().get(i);
            images.add(new IndexedImage(
                    idOf(i), set.captions().get(i), captionVectors[i], facts.takenAt(), facts.place()));
        }
        index.upsertAll(images);
        SearchProbe understanding = new SearchProbe(index, settingsInZone(SearchProperties.defaults()));
        for (EvaluationSet.Query query : set.queries()) {
            String searchForm = SearchProbe.searchForm(
                    query.text(), SearchProperties.defaults().maxQueryLength());
            searchForms.add(searchForm);
            understood.add(understanding.understand(searchForm, today, known));
        }
        this.queryVectors = embedder.embed(searchForms);
        this.understoodVectors =
                embedder.embed(understood.stream().map(UnderstoodQuery::words).toList());
    }

    /** Capture days are read as UTC, and so are the set's time expressions. */
    private static final ZoneId ZONE = ZoneOffset.UTC;

    private static SearchProperties settingsInZone(SearchProperties settings) {
        return settings.withTimeZone(ZONE.getId());
    }

    /**
     * Embeds and indexes the captions and embeds the queries; the hybrid search leaves the words {@code known} knows
     * uncorrected, as the application does with its embedding model's vocabulary.
     */
    static SearchEvaluation index(EvaluationSet set, Embedder embedder, Predicate<String> known) {
        try {
            Path folder = Files.createTempDirectory("glimpse-evaluation");
            try {
                return new SearchEvaluation(set, embedder, known, folder);
            } catch (RuntimeException e) {
                delete(folder);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary index", e);
        }
    }

    /**
     * What the hybrid search with the default settings finds for any query text over this set's captions, best
     * first, as a user would get it (cleaned, in its search form, embedded).
     */
    List<Match> search(String query) {
        String words = SearchProbe.searchForm(query, SearchProperties.defaults().maxQueryLength());
        if (words.isEmpty()) {
            return List.of();
        }
        SearchProbe searcher = new SearchProbe(index, settingsInZone(SearchProperties.defaults()));
        UnderstoodQuery understood = searcher.understand(words, today, known);
        return searcher.search(understood, embedder.embed(List.of(understood.words()))[0], DEPTH, Retrieval.HYBRID);
    }

    /** Measures every retrieval over all queries with these settings. */
    Result run(SearchProperties settings) {
        Map<Retrieval, int[]> ranks = new EnumMap<>(Retrieval.class);
        Map<Retrieval, Metrics> metrics = new EnumMap<>(Retrieval.class);
        List<Miss> misses = new ArrayList<>();
        for (Retrieval retrieval : List.of(Retrieval.VECTOR, Retrieval.TEXT, Retrieval.HYBRID)) {
            int[] found = ranks(settings, retrieval, retrieval == Retrieval.HYBRID ? misses : new ArrayList<>());
            ranks.put(retrieval, found);
            metrics.put(retrieval, Metrics.of(found));
        }
        int[] unfiltered = ranks(settings.withMinSimilarity(-1), Retrieval.HYBRID, new ArrayList<>());
        int hidden = 0;
        for (int i = 0; i < unfiltered.length; i++) {
            hidden += unfiltered[i] >= 1 && ranks.get(Retrieval.HYBRID)[i] == 0 ? 1 : 0;
        }
        return new Result(set, settings, metrics, ranks, misses, hidden, byKind(ranks));
    }

    private Map<String, Map<Retrieval, Metrics>> byKind(Map<Retrieval, int[]> ranks) {
        Map<String, Map<Retrieval, Metrics>> byKind = new LinkedHashMap<>();
        for (String kind :
                set.queries().stream().map(EvaluationSet.Query::kind).distinct().toList()) {
            Map<Retrieval, Metrics> metrics = new EnumMap<>(Retrieval.class);
            ranks.forEach((retrieval, all) -> {
                int[] ofKind = java.util.stream.IntStream.range(0, all.length)
                        .filter(q -> set.queries().get(q).kind().equals(kind))
                        .map(q -> all[q])
                        .toArray();
                metrics.put(retrieval, Metrics.of(ofKind));
            });
            byKind.put(kind, metrics);
        }
        return byKind;
    }

    /** The 1-based rank of each query's intended caption (0: not found), and the misses of the hybrid search. */
    private int[] ranks(SearchProperties settings, Retrieval retrieval, List<Miss> misses) {
        SearchProbe searcher = new SearchProbe(index, settingsInZone(settings));
        boolean understanding = retrieval == Retrieval.HYBRID;
        int depth = Math.min(DEPTH, set.captions().size());
        int[] ranks = new int[set.queries().size()];
        for (int q = 0; q < ranks.length; q++) {
            String intended = set.captions().get(set.queries().get(q).intended());
            List<Match> matches;
            if (searchForms.get(q).isEmpty()) {
                matches = List.of();
            } else if (understanding) {
                matches = searcher.search(understood.get(q), understoodVectors[q], depth, retrieval);
            } else {
                matches = searcher.search(searchForms.get(q), queryVectors[q], depth, retrieval);
            }
            for (int r = 0; r < matches.size() && ranks[q] == 0; r++) {
                ranks[q] = matches.get(r).caption().equals(intended) ? r + 1 : 0;
            }
            if (ranks[q] != 1) {
                String first = matches.isEmpty() ? null : matches.getFirst().caption();
                misses.add(new Miss(set.queries().get(q).text(), first, intended, ranks[q]));
            }
        }
        return ranks;
    }

    @Override
    public void close() {
        index.close();
        delete(folder);
    }

    private static UUID idOf(int line) {
        return UUID.nameUUIDFromBytes(("caption " + line).getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary index " + folder, e);
        }
    }
}
