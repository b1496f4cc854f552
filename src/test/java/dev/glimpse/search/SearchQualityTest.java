package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.embedding.SentenceEmbedder;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search quality with the real all-MiniLM-L6-v2: 40 hand-written captions of varied scenes and two sets of one query
 * per image ({@code src/test/resources/search}): {@code queries.tsv}, paraphrases on which the BM25 weight of the
 * fusion was chosen, and {@code queries-heldout.tsv}, queries as people type or say them, written before that choice
 * and never used for it. Prints recall@1 and recall@5 of vector-only, BM25-only and hybrid retrieval with the default
 * settings, and hybrid recall for a range of BM25 weights.
 */
class SearchQualityTest {

    @TempDir
    static Path folder;

    private static SentenceEmbedder embedder;
    private static ImageIndex index;
    private static Map<String, String> library;
    private static List<String[]> queries;
    private static List<String[]> heldOut;
    private static Map<String, float[]> queryVectors;

    @BeforeAll
    static void indexTheLibrary() {
        embedder = SentenceEmbedder.load(Fixtures.model("all-MiniLM-L6-v2"));
        index = new ImageIndex(folder);
        library = pairs("library.tsv").stream()
                .collect(LinkedHashMap::new, (map, pair) -> map.put(pair[0], pair[1]), Map::putAll);
        List<String> keys = List.copyOf(library.keySet());
        float[][] vectors = embedder.embed(List.copyOf(library.values()));
        for (int i = 0; i < keys.size(); i++) {
            index.upsert(new IndexedImage(idOf(keys.get(i)), library.get(keys.get(i)), vectors[i]));
        }
        queries = pairs("queries.tsv");
        heldOut = pairs("queries-heldout.tsv");
        List<String> texts = java.util.stream.Stream.concat(queries.stream(), heldOut.stream())
                .map(pair -> pair[1])
                .toList();
        float[][] embedded = embedder.embed(texts);
        queryVectors = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            queryVectors.put(texts.get(i), embedded[i]);
        }
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
    }

    @Test
    void testDataHasAtLeastThirtyImagesAndAQueryForEachInBothSets() {
        assertThat(library).hasSizeGreaterThanOrEqualTo(30);
        for (List<String[]> set : List.of(queries, heldOut)) {
            assertThat(set).hasSizeGreaterThanOrEqualTo(30);
            assertThat(set.stream().map(pair -> pair[0])).allMatch(library::containsKey);
        }
    }

    @Test
    void hybridSearchFindsTheIntendedImageFirstForNineQueriesInTenInBothSets() {
        printWeightSweep();
        for (List<String[]> set : List.of(queries, heldOut)) {
            Map<Retrieval, double[]> recalls = report(set == queries ? "queries.tsv" : "queries-heldout.tsv", set);

            assertThat(recalls.get(Retrieval.HYBRID)[0]).isGreaterThanOrEqualTo(0.9);
            assertThat(recalls.get(Retrieval.HYBRID)[1]).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static Map<Retrieval, double[]> report(String name, List<String[]> set) {
        Map<Retrieval, double[]> recalls = new LinkedHashMap<>();
        for (Retrieval retrieval : Retrieval.values()) {
            recalls.put(retrieval, recall(set, retrieval, SearchProperties.defaults()));
        }
        System.out.printf(
                "Search quality, %s: %d queries over %d captions (all-MiniLM-L6-v2, defaults):%n",
                name, set.size(), library.size());
        recalls.forEach((retrieval, recall) ->
                System.out.printf("  %-7s recall@1 = %.3f  recall@5 = %.3f%n", retrieval, recall[0], recall[1]));
        return recalls;
    }

    private static void printWeightSweep() {
        System.out.println("Hybrid recall@1 / @5 by BM25 weight (embedding weight 1):");
        System.out.println("  weight  queries.tsv    queries-heldout.tsv");
        SearchProperties d = SearchProperties.defaults();
        for (double weight : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
            SearchProperties weighted = new SearchProperties(
                    d.defaultResults(),
                    d.maxResults(),
                    d.minSimilarity(),
                    d.candidatesPerResult(),
                    d.minCandidates(),
                    d.rrfRankConstant(),
                    weight,
                    d.maxQueryLength());
            double[] tuning = recall(queries, Retrieval.HYBRID, weighted);
            double[] test = recall(heldOut, Retrieval.HYBRID, weighted);
            System.out.printf("  %.1f     %.3f / %.3f  %.3f / %.3f%n", weight, tuning[0], tuning[1], test[0], test[1]);
        }
    }

    @Test
    void queryUnrelatedToEveryCaptionFindsNothing() {
        String query = "quarterly tax return spreadsheet";
        List<Match> matches = search(query, embedder.embed(query), 12, Retrieval.HYBRID);

        assertThat(matches).isEmpty();
    }

    @Test
    void intendedImagesClearTheMinimumSimilarity() {
        double[] similarities = queries.stream()
                .mapToDouble(pair -> dot(queryVectors.get(pair[1]), vectorOf(pair[0])))
                .sorted()
                .toArray();
        System.out.printf(
                "Cosine similarity of query and intended caption: min %.3f, median %.3f, max %.3f%n",
                similarities[0], similarities[similarities.length / 2], similarities[similarities.length - 1]);

        long cleared = Arrays.stream(similarities)
                .filter(s -> s >= SearchProperties.defaults().minSimilarity())
                .count();
        assertThat((double) cleared / similarities.length).isGreaterThanOrEqualTo(0.9);
    }

    private static double[] recall(List<String[]> set, Retrieval retrieval, SearchProperties settings) {
        boolean explain = retrieval == Retrieval.HYBRID && settings.equals(SearchProperties.defaults());
        int first = 0;
        int topFive = 0;
        for (String[] pair : set) {
            List<UUID> found = new HybridSearcher(index, settings)
                    .search(pair[1], queryVectors.get(pair[1]), 5, retrieval).stream()
                            .map(Match::id)
                            .toList();
            UUID intended = idOf(pair[0]);
            if (!found.isEmpty() && found.getFirst().equals(intended)) {
                first++;
            } else if (explain) {
                System.out.printf(
                        "  hybrid ranked '%s' first for '%s' (%s)%n",
                        found.isEmpty() ? "nothing" : captionOf(found.getFirst()), pair[1], pair[0]);
            }
            if (found.contains(intended)) {
                topFive++;
            } else if (explain) {
                System.out.printf("  hybrid missed '%s' (%s)%n", pair[1], pair[0]);
            }
        }
        return new double[] {(double) first / set.size(), (double) topFive / set.size()};
    }

    private static List<Match> search(String query, float[] vector, int k, Retrieval retrieval) {
        return new HybridSearcher(index, SearchProperties.defaults()).search(query, vector, k, retrieval);
    }

    private static String captionOf(UUID id) {
        return index.caption(id).orElseThrow();
    }

    private float[] vectorOf(String key) {
        return embedder.embed(library.get(key));
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String[]> pairs(String resource) {
        try (InputStream in = SearchQualityTest.class.getResourceAsStream("/search/" + resource)) {
            List<String[]> pairs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    pairs.add(line.split("\t", 2));
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
