package dev.glimpse.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeLAndWordErrorRateTest {

    @Test
    void rougeLIsTheFMeasureOfTheLongestCommonSubsequence() {
        // LCS "the cat on the mat" = 5 words of 6 and of 6
        assertThat(RougeL.best("the cat sat on the mat", List.of("the cat is on the mat")))
                .isCloseTo(5.0 / 6, within(1e-12));
        // LCS "a dog" = 2: P = 2/2, R = 2/4, F = 2/3
        assertThat(RougeL.best("a dog", List.of("a big brown dog"))).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void rougeLTakesTheBestReferenceAndAveragesOverCaptions() {
        double score = RougeL.corpus(
                List.of("A dog, on the beach!", "pasta"),
                List.of(List.of("a cat indoors", "a dog on the beach"), List.of("a plate of rice")));

        assertThat(score).isCloseTo(100 * (1 + 0) / 2.0, within(1e-9));
    }

    @Test
    void wordErrorRateCountsSubstitutionsDeletionsAndInsertions() {
        assertThat(WordErrorRate.distance(List.of("the", "cat", "sat"), List.of("the", "cat", "is", "here")))
                .isEqualTo(2);
        assertThat(WordErrorRate.distance(List.of("a", "big", "dog"), List.of("a", "dog")))
                .isEqualTo(1);
        assertThat(WordErrorRate.distance(List.of(), List.of("a", "dog"))).isEqualTo(2);
    }

    @Test
    void wordErrorRateUsesTheClosestReferenceAndPoolsEditsOverReferenceWords() {
        // 1 substitution of 6 words (closest of two), then 1 insertion against 2 words: (1 + 1) / (6 + 2)
        double wer = WordErrorRate.corpus(
                List.of("the cat sat on the mat", "a big dog"),
                List.of(List.of("a dog", "the cat is on the mat"), List.of("a dog")));

        assertThat(wer).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void wordErrorRateMatchesTorchmetricsOnPunctuationFreeSets() {
        // recorded with torchmetrics' word_error_rate against the first reference (sacrebleu-recorded.json)
        double wer = WordErrorRate.corpus(
                List.of("the cat sat on the mat", "a man is riding a horse on the road"),
                List.of(List.of("the cat is on the mat"), List.of("a man rides a horse along the road")));

        assertThat(wer / 100).isCloseTo(0.2857142984867096, within(1e-7));
    }

    @Test
    void wordsAreLowercaseAlphanumericRuns() {
        assertThat(Tokenization.words("Two people, walking in the RAIN!"))
                .containsExactly("two", "people", "walking", "in", "the", "rain");
        assertThat(Tokenization.words(" ... ")).isEmpty();
    }
}
