package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedWordsTest {

    @TempDir
    Path folder;

    private ImageIndex index;

    @BeforeEach
    void fill() {
        index = new ImageIndex(folder);
        for (String caption : new String[] {
            "a man sitting on a bench in a park",
            "a dog sitting in the grass in a park",
            "a woman jogging in a park",
            "a heron standing in the water",
            "a bird standing in the water"
        }) {
            index.upsert(TestLibrary.image(caption));
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void sharedRareWordThatCarriesTheQueryIsFullEvidence() {
        SharedWords.Evidence heron = evidence("heron", "a heron standing in the water");

        assertThat(heron.words()).containsExactly("heron");
        assertThat(heron.strength()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void sharedCommonWordIsAlmostNoEvidence() {
        SharedWords.Evidence park = evidence("a guy resting in the park", "a woman jogging in a park");

        assertThat(park.words()).containsExactly("park");
        assertThat(park.strength()).isLessThan(0.01);
    }

    @Test
    void evidenceIsTheFourthPowerOfTheShareOfTheQueryWeightThatSinglesTheCaptionOut() {
        // 5 captions; "heron" in 1, "water" in 2: idf = ln(1 + (5 - df + 0.5) / (df + 0.5)), divided by df²
        double heron = Math.log(1 + 4.5 / 1.5);
        double water = Math.log(1 + 3.5 / 2.5);

        assertThat(evidence("heron water", "a heron standing in the water").strength())
                .isCloseTo(Math.pow((heron + water / 4) / (heron + water), 4), within(1e-9));
        assertThat(evidence("heron water", "a bird standing in the water").strength())
                .isCloseTo(Math.pow((water / 4) / (heron + water), 4), within(1e-9));
    }

    @Test
    void rareWordCarryingMostOfTheQueryOutweighsCommonWordsCoveringTheRest() {
        // "heron" singles one caption out; "standing", "water" and "park" are shared by two or three captions
        SharedWords.Evidence heron = evidence("a heron standing in the park", "a heron standing in the water");
        SharedWords.Evidence park = evidence("a heron standing in the park", "a man sitting on a bench in a park");

        assertThat(heron.strength()).isGreaterThan(20 * park.strength());
    }

    @Test
    void captionSharingNoWordHasNoEvidence() {
        assertThat(evidence("heron", "a man sitting on a bench in a park")).isEqualTo(SharedWords.Evidence.NONE);
    }

    @Test
    void wordsNoCaptionHasLowerTheEvidenceOfTheOthers() {
        assertThat(evidence("heron cascade", "a heron standing in the water").strength())
                .isLessThan(evidence("heron", "a heron standing in the water").strength());
    }

    private SharedWords.Evidence evidence(String query, String caption) {
        return index.withSearcher(searcher -> new SharedWords(searcher.getIndexReader(), query).in(caption));
    }
}
