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

/** Hand-made three-dimensional unit vectors, so that every cosine similarity is known exactly. */
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
    void open() {
        index = new ImageIndex(folder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** The default settings without closest matches: only what matches is shown. */
    private static final SearchProperties STRICT = SearchProperties.defaults().withClosestMatches(0);

    @Test
    void scoreIsTheSimilarityPlusTheWeightedWordEvidence() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(SearchProperties.defaults().withClosestMatches(4))
                .search("red car", QUERY, 12, Retrieval.HYBRID);

        // idf over 4 captions: "red" in 1, "car" in 2; evidence = (Σ shared idf/df² / Σ query idf)⁴; weight 3.5
        double red = Math.log(1 + 3.5 / 1.5);
        double car = Math.log(1 + 2.5 / 2.5);
        double redCar = Math.pow((red + car / 4) / (red + car), 4);
        double parkedCar = Math.pow((car / 4) / (red + car), 4);
        assertThat(matches)
                .extracting(Match::id)
                .containsExactly(RED_CAR.id(), GREEN_TREE.id(), BLUE_BOAT.id(), PARKED_CAR.id());
        // plus pair weight 0.1 times the binding: "a red car" binds red to car as the query does
        assertThat(matches.get(0).score()).isCloseTo(1.0 + 3.5 * redCar + 0.1, within(1e-6));
        assertThat(matches.get(1).score()).isCloseTo(0.5, within(1e-6));
        assertThat(matches.get(2).score()).isCloseTo(0.2, within(1e-6));
        assertThat(matches.get(3).score()).isCloseTo(-0.6 + 3.5 * parkedCar, within(1e-6));
        assertThat(matches).extracting(Match::closest).containsExactly(false, false, true, true);
    }

    @Test
    void imageSharingOnlyACommonWordIsNoMatchBelowTheMinimumSimilarity() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(STRICT).search("red car", QUERY, 12, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id());
        assertThat(matches).extracting(Match::sharedWords).containsExactly(List.of("red", "car"), List.of());
        assertThat(matches).extracting(Match::closest).containsExactly(false, false);
    }

    @Test
    void imageWhoseSharedWordsCarryTheQueryMatchesBelowTheMinimumSimilarity() {
        IndexedImage heron = image("a heron in the reeds", 0.1);
        fill(heron, image("a dog on a sofa", 0.2), image("a plate of food", 0.25));

        List<Match> matches = searcher(STRICT).search("heron", QUERY, 12, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(heron.id());
        assertThat(matches.getFirst().closest()).isFalse();
    }

    @Test
    void whenFewImagesMatchTheClosestOfTheRestAreShownFlaggedAfterThem() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(SearchProperties.defaults().withClosestMatches(3))
                .search("red car", QUERY, 12, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id(), BLUE_BOAT.id());
        assertThat(matches).extracting(Match::closest).containsExactly(false, false, true);
    }

    @Test
    void whenNothingMatchesTheBestAnswersAreStillShownAsClosestMatches() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(SearchProperties.defaults())
                .search("quarterly tax return", new float[] {0.28f, 0, -0.96f}, 2, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id());
        assertThat(matches).allMatch(Match::closest);
    }

    @Test
    void sharedRareWordLiftsTheImageTheEmbeddingBlursWithANeighbour() {
        IndexedImage bird = image("a bird standing in the water", 0.80);
        IndexedImage heron = image("a heron standing in the water", 0.78);
        fill(bird, heron);

        assertThat(searcher(SearchProperties.defaults()).search("heron", QUERY, 2, Retrieval.VECTOR))
                .extracting(Match::id)
                .containsExactly(bird.id(), heron.id());
        assertThat(searcher(SearchProperties.defaults()).search("heron", QUERY, 2, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(heron.id(), bird.id());
    }

    @Test
    void sharedBrandLiftsItsImagePastTheNeighbourThatSharesTheRestOfTheQuery() {
        IndexedImage volkswagen = image("a volkswagen van parked on the beach", 0.78);
        IndexedImage whiteVan = image("a white van parked on a street", 0.84);
        fill(
                volkswagen,
                whiteVan,
                image("a toyota van parked on the beach", 0.71),
                image("a red car parked on the side of the road", 0.55),
                image("a vespa scooter parked on a cobblestone street", 0.48),
                image("a bus driving down a street", 0.30),
                image("a man walking down the street", 0.25));
        String query = "a volkswagen van parked on a street";

        assertThat(searcher(SearchProperties.defaults()).search(query, QUERY, 2, Retrieval.VECTOR))
                .extracting(Match::id)
                .containsExactly(whiteVan.id(), volkswagen.id());
        assertThat(searcher(SearchProperties.defaults()).search(query, QUERY, 2, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(volkswagen.id(), whiteVan.id());
    }

    @Test
    void paraphraseSharingOneRareWordWithAnotherImageKeepsTheImageItMeansFirst() {
        IndexedImage swan = image("a swan swimming on a lake", 0.589);
        IndexedImage bird = image("a bird standing in shallow water", 0.581);
        fill(
                swan,
                bird,
                image("a boat on a lake", 0.40),
                image("a white dog on a lake shore", 0.30),
                image("a white house", 0.10),
                image("a white cat", 0.10));

        assertThat(searcher(SearchProperties.defaults())
                        .search("a white bird gliding across a lake", QUERY, 2, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(swan.id(), bird.id());
    }

    @Test
    void sharedCommonWordDoesNotLiftAnImageAboveTheOneThatMeansTheQuery() {
        IndexedImage meant = image("a man sitting on a bench", 0.70);
        IndexedImage park = image("a dog in a park", 0.66);
        fill(meant, park, image("a kite over a park", 0.1), image("a bike in a park", 0.05));

        List<Match> matches =
                searcher(SearchProperties.defaults()).search("a guy resting in the park", QUERY, 2, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(meant.id(), park.id());
        assertThat(matches.get(1).sharedWords()).containsExactly("park");
    }

    @Test
    void wordsThatOnlyShareAStemAreNotSharedWords() {
        IndexedImage leaves = image("a tree with red leaves", 0.1);
        fill(leaves, image("a man walking out of a door", 0.2));

        List<Match> text = searcher(SearchProperties.defaults()).search("a man leaving", QUERY, 2, Retrieval.TEXT);

        assertThat(text).extracting(Match::id).contains(leaves.id());
        assertThat(text.stream()
                        .filter(m -> m.id().equals(leaves.id()))
                        .findFirst()
                        .orElseThrow()
                        .sharedWords())
                .isEmpty();
        assertThat(searcher(STRICT).search("a man leaving", QUERY, 2, Retrieval.HYBRID))
                .extracting(Match::id)
                .doesNotContain(leaves.id());
    }

    @Test
    void pluralsAndPossessivesAreTheSameWord() {
        IndexedImage dogs = image("two dogs on the man's sofa", 0.1);
        fill(dogs);

        assertThat(searcher(SearchProperties.defaults()).search("dog man sofas", QUERY, 1, Retrieval.HYBRID))
                .singleElement()
                .extracting(Match::sharedWords)
                .isEqualTo(List.of("dogs", "man's", "sofa"));
    }

    @Test
    void wordMatchOutsideTheVectorCandidatesGetsItsSimilarityFromTheStoredVector() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);
        SearchProperties fewCandidates = new SearchProperties(12, 100, 0.3, 1, 1, 3.5, 1000, 0, 3, "");

        // k = 3: the k-NN looks at the 3 nearest (red car, green tree, blue boat), BM25 finds the parked car
        List<Match> matches = searcher(fewCandidates).search("parked car", QUERY, 3, Retrieval.HYBRID);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id(), PARKED_CAR.id());
        assertThat(matches.get(2).similarity()).isCloseTo(-0.6, within(1e-5));
    }

    @Test
    void vectorOnlyHidesEverythingBelowTheMinimumSimilarity() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(STRICT).search("red car", QUERY, 12, Retrieval.VECTOR);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), GREEN_TREE.id());
    }

    @Test
    void textOnlyFindsCaptionsSharingAWord() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        List<Match> matches = searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.TEXT);

        assertThat(matches).extracting(Match::id).containsExactly(RED_CAR.id(), PARKED_CAR.id());
    }

    @Test
    void resultsStopAtK() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        assertThat(searcher(SearchProperties.defaults()).search("red car", QUERY, 1, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(RED_CAR.id());
    }

    @Test
    void queryMatchingNoWordAndNoVectorFindsNothingWithoutClosestMatches() {
        fill(RED_CAR, GREEN_TREE, BLUE_BOAT, PARKED_CAR);

        assertThat(searcher(STRICT).search("the of and", new float[] {0, 0, 1}, 12, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(PARKED_CAR.id());
        assertThat(searcher(STRICT).search("the of and", new float[] {0, -1, 0}, 12, Retrieval.HYBRID))
                .isEmpty();
    }

    @Test
    void photoTakenThenAndThereComesFirstEvenWhenItsCaptionSaysNothingOfIt() {
        IndexedImage lisbonLastSummer = new IndexedImage(
                UUID.randomUUID(),
                "a dog on a beach",
                new float[] {0.8f, 0.6f, 0},
                java.time.Instant.parse("2025-07-19T12:00:00Z"),
                new IndexedPlace("Lisbon", "Lisbon", "Portugal"));
        IndexedImage lisbonBefore = new IndexedImage(
                UUID.randomUUID(),
                "a dog running on a beach",
                new float[] {1, 0, 0},
                java.time.Instant.parse("2024-08-03T12:00:00Z"),
                new IndexedPlace("Lisbon", "Lisbon", "Portugal"));
        IndexedImage portoLastSummer = new IndexedImage(
                UUID.randomUUID(),
                "a dog playing on a beach",
                new float[] {0.9f, 0.43588989f, 0},
                java.time.Instant.parse("2025-08-01T12:00:00Z"),
                new IndexedPlace("Porto", "Porto", "Portugal"));
        fill(lisbonLastSummer, lisbonBefore, portoLastSummer, RED_CAR);
        HybridSearcher searcher = searcher(SearchProperties.defaults().withTimeZone("UTC"));
        java.time.LocalDate today = java.time.LocalDate.of(2026, 3, 10);

        UnderstoodQuery query = searcher.understand(
                "the dog on the beach in lisbon last summer", today, java.util.Set.of(), KnownWords.NONE);
        UnderstoodQuery onlyPlace =
                searcher.understand("photos from portugal", today, java.util.Set.of(), KnownWords.NONE);
        UnderstoodQuery nowhere =
                searcher.understand("the dog on the beach in 2019", today, java.util.Set.of(), KnownWords.NONE);

        assertThat(query.placeName()).isEqualTo("lisbon");
        assertThat(searcher.search(query, QUERY, 12, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(lisbonLastSummer.id());
        assertThat(searcher.search(onlyPlace, QUERY, 12, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(portoLastSummer.id(), lisbonLastSummer.id(), lisbonBefore.id());
        assertThat(nowhere.time()).isNull();
        assertThat(nowhere.unmatched()).containsExactly("in 2019");
    }

    @Test
    void theCaptionThatBindsTheQuerysAttributesOutranksTheSwappedNeighbourTheEmbeddingPrefers() {
        IndexedImage meant = image("a brown dog lying on a white rug", 0.80);
        IndexedImage swapped = image("a white dog lying on a brown rug", 0.82);
        fill(meant, swapped, image("a cat on a sofa", 0.3));

        assertThat(searcher(SearchProperties.defaults()).search("brown dog on a white rug", QUERY, 2, Retrieval.VECTOR))
                .extracting(Match::id)
                .containsExactly(swapped.id(), meant.id());
        assertThat(searcher(SearchProperties.defaults()).search("brown dog on a white rug", QUERY, 2, Retrieval.HYBRID))
                .extracting(Match::id)
                .containsExactly(meant.id(), swapped.id());
    }

    @Test
    void emptyIndexFindsNothing() {
        assertThat(searcher(SearchProperties.defaults()).search("red car", QUERY, 12, Retrieval.HYBRID))
                .isEmpty();
    }

    @Test
    void dotProductScoresConvertToCosine() {
        assertThat(HybridSearcher.cosineFromScore(1f)).isEqualTo(1.0);
        assertThat(HybridSearcher.cosineFromScore(0.5f)).isEqualTo(0.0);
        assertThat(HybridSearcher.cosineFromScore(0f)).isEqualTo(-1.0);
    }

    private void fill(IndexedImage... images) {
        for (IndexedImage image : images) {
            index.upsert(image);
        }
    }

    private HybridSearcher searcher(SearchProperties settings) {
        return new HybridSearcher(index, settings);
    }

    /** A caption whose unit vector has the given cosine similarity to {@link #QUERY}. */
    private static IndexedImage image(String caption, double cosine) {
        return image(caption, (float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0);
    }

    private static IndexedImage image(String caption, float... vector) {
        return new IndexedImage(UUID.nameUUIDFromBytes(caption.getBytes()), caption, vector);
    }

    @Test
    void aWordInMoreCaptionsThanCanSingleOneOutIsNotLookedUpButARareWordStillFindsItsImage() {
        List<IndexedImage> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= SharedWords.TELLING_DOCUMENTS; i++) {
            rows.add(new IndexedImage(UUID.randomUUID(), "a dog on the grass", new float[] {0, 1, 0}));
        }
        IndexedImage zebra = image("a zebra next to a dog", 0, 0, 1);
        rows.add(zebra);
        index.upsertAll(rows);

        String hybridQuery = index.withSearcher(
                searcher -> HybridSearcher.textQuery(searcher.getIndexReader(), "a zebra and a dog", Retrieval.HYBRID)
                        .orElseThrow()
                        .toString());
        String textQuery = index.withSearcher(
                searcher -> HybridSearcher.textQuery(searcher.getIndexReader(), "a zebra and a dog", Retrieval.TEXT)
                        .orElseThrow()
                        .toString());

        assertThat(hybridQuery).isEqualTo("caption:zebra");
        assertThat(textQuery).contains("caption:zebra").contains("caption:dog");
        assertThat(searcher(SearchProperties.defaults()).search("a zebra and a dog", QUERY, 3, Retrieval.HYBRID))
                .extracting(Match::id)
                .first()
                .isEqualTo(zebra.id());
    }
}
