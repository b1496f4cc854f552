package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.BooleanQuery;
import org.junit.jupiter.api.Test;

class CaptionQueryTest {

    @Test
    void queryTermsAreTheAnalysedWordsOnce() {
        assertThat(CaptionQuery.terms("The Dogs are running, running on the beach!", IndexFields.queryAnalyzer()))
                .containsExactly("dog", "run", "beach");
    }

    @Test
    void luceneSyntaxIsJustText() {
        String hostile = "caption:\"red car\" AND (sea OR -boat~2) [a TO z] {x} ^3 \\ / * ? && || ! :";

        assertThat(CaptionQuery.of(hostile, IndexFields.queryAnalyzer()))
                .get()
                .asString()
                .contains("caption:red", "caption:car", "caption:sea", "caption:boat");
    }

    @Test
    void onlyStopWordsAndPunctuationGiveNoQuery() {
        assertThat(CaptionQuery.of("the and of ... !!! ,", IndexFields.queryAnalyzer()))
                .isEmpty();
    }

    @Test
    void manyDistinctWordsAreCappedFarBelowTheClauseLimit() {
        String words = IntStream.range(0, 5000).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));

        BooleanQuery query = (BooleanQuery)
                CaptionQuery.of(words, IndexFields.queryAnalyzer()).orElseThrow();

        assertThat(query.clauses()).hasSize(CaptionQuery.MAX_TERMS);
    }
}
