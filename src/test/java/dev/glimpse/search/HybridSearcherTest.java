package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made three-dimensional vectors, so that every cosine similarity is known exactly. */
class HybridSearcherTest {

    private static final float[] QUERY = {1, 0, 0};
    private static final IndexedImage RED_CAR = image("a red car", 1, 0, 0);
    private static final IndexedImage GREEN_TREE = image("a green tree", 0.5f, 0.8660254f, 0);
    private static final IndexedImage BLUE_BOAT = image("a blue boat", 0.2f, 0.9797959f, 0);
    private static final IndexedImage PARKED_CAR = image("a parked car", -0.6f, 0, 0.8f);

    @TempDir
    Path folder;

    private ImageIndex index;

    @BeforeEach
    void fill() {
        index = new ImageIndex(folder);
        for (IndexedImage image : List.of(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR)) {
            index.upsert(image);
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void hybridKeepsWordMatchesAndSimilarImagesButHidesDissimilarOnes() {
        List<Match> matches = searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), PARKED_CAR.id(), GREEN_TREE.id());
        assertThat(matches).extracting(Match::wordsMatched).containsExactly(true, true, false);
        assertThat(matches.get(0).score()).isCloseTo(2.0 / 61, within(1e-9));
        assertThat(matches.get(1).score()).isCloseTo(1.0 / 62 + 1.0 / 64, within(1e-9));
        assertThat(matches.get(2).score()).isCloseTo(1.0 / 62, within(1e-9));
    }

    @Test
    void similarityIsTheCosineOfQueryAndCaptionVectors() {
        List<Match> matches = searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.HYBRID);

        assertThat(matches.stream().mapToDouble(Match::similarity).toArray())
                .containsExactly(new double[] {1.0, -0.6, 0.5}, within(1e-5));
    }

    @Test
    void wordMatchOutsideTheVectorCandidatesGetsItsSimilarityFromTheStoredVector() {
        SearchProperties fewCandidates = new SearchProperties(12, 100, 0.3, 1, 1, 60, 1.0, 1000);

        List<Match> matches = searcher(fewCandidates).search("parked car", QUERY, 2, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), PARKED_CAR.id());
        assertThat(matches.get(1).similarity()).isCloseTo(-0.6, within(1e-5));
    }

    @Test
    void vectorOnlyHidesEverythingBelowTheMinimumSimilarity() {
        List<Match> matches = searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.VECTOR);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id());
    }

    @Test
    void textOnlyFindsCaptionsSharingAWord() {
        List<Match> matches = searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.TEXT);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), PARKED_CAR.id());
    }

    @Test
    void resultsStopAtK() {
        assertThat(searcher(SearchProperties.defaults()).search("red car", QUERY, 1, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(RED_CAR.id());
    }

    @Test
    void queryMatchingNoWordAndNoVectorFindsNothing() {
        assertThat(searcher(SearchProperties.defaults())
                        .search("the of and", new float[] {0, 0, 1}, 12, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(PARKED_CAR.id());
        assertThat(searcher(SearchProperties.defaults())
                        .search("the of and", new float[] {0, -1, 0}, 12, Retrieval.HYBRID))
                .isEmpty();
    }

    @Test
    void emptyIndexFindsNothing() {
        index.clear();

        assertThat(searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.HYBRID))
                .isEmpty();
    }

    @Test
    void dotProductScoresConvertToCosine() {
        assertThat(HybridSearcher.cosineFromScore(1f)).isEqualTo(1.0);
        assertThat(HybridSearcher.cosineFromScore(0.5f)).isEqualTo(0.0);
        assertThat(HybridSearcher.cosineFromScore(0f)).isEqualTo(-1.0);
    }

    private HybridSearcher searcher(SearchProperties settings) {
        return new HybridSearcher(index, settings);
    }

    private static IndexedImage image(String caption, float... vector) {
        return new IndexedImage(UUID.nameUUIDFromBytes(caption.getBytes()), caption, vector);
    }
}
