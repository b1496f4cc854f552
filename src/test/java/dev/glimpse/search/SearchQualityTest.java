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
 * Search quality with the real all-MiniLM-L6-v2: 40 hand-written captions of varied scenes and one paraphrased
 * query per image ({@code src/test/resources/search}). Prints recall@1 and recall@5 of vector-only, BM25-only and
 * hybrid retrieval with the default settings.
 */
class SearchQualityTest {

    @TempDir
    static Path folder;

    private static SentenceEmbedder embedder;
    private static ImageIndex index;
    private static Map<String, String> library;
    private static List<String[]> queries;
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
        float[][] embedded =
                embedder.embed(queries.stream().map(pair -> pair[1]).toList());
        queryVectors = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            queryVectors.put(queries.get(i)[1], embedded[i]);
        }
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
    }

    @Test
    void testDataHasAtLeastThirtyImagesAndAQueryForEach() {
        assertThat(library).hasSizeGreaterThanOrEqualTo(30);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        assertThat(queries.stream().map(pair -> pair[0])).allMatch(library::containsKey);
    }

    @Test
    void hybridSearchFindsTheIntendedImageInTheTopFiveForNineQueriesInTen() {
        Map<Retrieval, double[]> recalls = new LinkedHashMap<>();
        for (Retrieval retrieval : Retrieval.values()) {
            recalls.put(retrieval, recall(retrieval));
        }
        System.out.printf(
                "Search quality over %d queries and %d captions (all-MiniLM-L6-v2, defaults):%n",
                queries.size(), library.size());
        recalls.forEach((retrieval, recall) ->
                System.out.printf("  %-7s recall@1 = %.3f  recall@5 = %.3f%n", retrieval, recall[0], recall[1]));

        assertThat(recalls.get(Retrieval.HYBRID)[1]).isGreaterThanOrEqualTo(0.9);
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

    private static double[] recall(Retrieval retrieval) {
        int first = 0;
        int topFive = 0;
        for (String[] pair : queries) {
            List<UUID> found = search(pair[1], queryVectors.get(pair[1]), 5, retrieval).stream()
                    .map(Match::id)
                    .toList();
            UUID intended = idOf(pair[0]);
            if (!found.isEmpty() && found.getFirst().equals(intended)) {
                first++;
            } else if (retrieval == Retrieval.HYBRID) {
                System.out.printf(
                        "  hybrid ranked '%s' first for '%s' (%s)%n",
                        found.isEmpty() ? "nothing" : captionOf(found.getFirst()), pair[1], pair[0]);
            }
            if (found.contains(intended)) {
                topFive++;
            } else if (retrieval == Retrieval.HYBRID) {
                System.out.printf("  hybrid missed '%s' (%s)%n", pair[1], pair[0]);
            }
        }
        return new double[] {(double) first / queries.size(), (double) topFive / queries.size()};
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
