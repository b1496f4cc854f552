package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void controlCharactersAndRunsOfWhiteSpaceBecomeOneSpace() {
        assertThat(QueryText.clean("  red\u0000car\t\n\r near \u0007 the\u001bsea  ", 100))
                .isEqualTo("red car near the sea");
    }

    @Test
    void invisibleFormatCharactersAreRemovedButEmojiStayWhole() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(QueryText.clean("\u202Ecat\u200B \uD83D\uDC31 " + family, 100))
                .isEqualTo("cat \uD83D\uDC31 " + family);
    }

    @Test
    void unpairedSurrogatesAreDropped() {
        assertThat(QueryText.clean("dog\uD83D beach\uDC31", 100)).isEqualTo("dog beach");
    }

    @Test
    void longTextIsCutToTheMaximumWithoutSplittingAnEmoji() {
        assertThat(QueryText.clean("a".repeat(10_000), 1000)).hasSize(1000);
        assertThat(QueryText.clean("ab\uD83D\uDE97", 3)).isEqualTo("ab");
        assertThat(QueryText.clean("\uD83D\uDE97".repeat(5_000), 1000)).isEqualTo("\uD83D\uDE97".repeat(500));
    }

    @Test
    void nothingButBlanksAndControlsIsEmpty() {
        assertThat(QueryText.clean(null, 10)).isEmpty();
        assertThat(QueryText.clean(" \t\u0000\u0085\u00A0\u3000 ", 10)).isEmpty();
    }

    @Test
    void transcriptAndTypedWordsHaveTheSameSearchForm() {
        assertThat(QueryText.searchForm("A red car, by the sea.")).isEqualTo("a red car by the sea");
        assertThat(QueryText.searchForm("a red car by the sea")).isEqualTo("a red car by the sea");
        assertThat(QueryText.searchForm("\"A red double-decker bus?!\" \u2014 in London\u2026"))
                .isEqualTo("a red double decker bus in london");
    }

    @Test
    void searchFormKeepsApostrophesInWordsNumbersEmojiAndNonLatinLetters() {
        assertThat(QueryText.searchForm("The man\u2019s 3.5 m boat, 1,000 \uD83D\uDC31 '\u00C9T\u00C9' \u72AC"))
                .isEqualTo("the man's 3.5 m boat 1,000 \uD83D\uDC31 \u00E9t\u00E9 \u72AC");
    }

    @Test
    void punctuationOnlyHasAnEmptySearchForm() {
        assertThat(QueryText.searchForm("?! ... -- \"\"")).isEmpty();
    }
}
