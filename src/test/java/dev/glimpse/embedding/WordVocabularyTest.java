package dev.glimpse.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class WordVocabularyTest {

    @Test
    void wordsTheTokenizerKeepsWholeAreKnownAndMisspellingsThatFallApartAreNot() {
        try (WordVocabulary vocabulary = WordVocabulary.load(Fixtures.model("all-MiniLM-L6-v2"))) {
            assertThat(vocabulary.hasWord("stars")).isTrue();
            assertThat(vocabulary.hasWord("stairs")).isTrue();
            assertThat(vocabulary.hasWord("watterfall")).isFalse();
            assertThat(vocabulary.hasWord("cookeis")).isFalse();
            assertThat(vocabulary.hasWord("waterfall")).isTrue();
        }
    }
}
