package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchHitTest {

    @Test
    void hitSaysWhyItMatched() {
        assertThat(SearchHit.why(true, List.of())).isEqualTo("similar meaning");
        assertThat(SearchHit.why(false, List.of("heron"))).isEqualTo("shares the word “heron”");
        assertThat(SearchHit.why(true, List.of("red", "car")))
                .isEqualTo("similar meaning; shares the words “red”, “car”");
    }

    @Test
    void hitOfAMatchCarriesItsSharedWordsAndLinks() {
        UUID id = UUID.randomUUID();

        SearchHit hit = SearchHit.of(new Match(id, "a heron in the water", 0.9, 0.7, true, List.of("heron")));

        assertThat(hit.matchedWords()).containsExactly("heron");
        assertThat(hit.why()).isEqualTo("similar meaning; shares the word “heron”");
        assertThat(hit.contentUrl()).isEqualTo("/api/images/" + id + "/content");
        assertThat(hit.thumbnailUrl()).isEqualTo("/api/images/" + id + "/thumbnail");
    }
}
