package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributePairsTest {

    @Test
    void eachAttributeGoesWithTheNextNoun() {
        assertThat(AttributePairs.of("a brown dog on a white rug"))
                .containsExactly(new AttributePairs.Pair("brown", "dog"), new AttributePairs.Pair("white", "carpet"));
        assertThat(AttributePairs.of("a man in a red and white shirt"))
                .containsExactly(new AttributePairs.Pair("red", "shirt"), new AttributePairs.Pair("white", "shirt"));
        assertThat(AttributePairs.of("a glass of wine")).isEmpty();
    }

    @Test
    void captionBindingTheQuerysAttributesScoresAboveTheSwappedNeighbour() {
        AttributePairs query = new AttributePairs("brown dog on a white rug");

        assertThat(query.binding("a brown dog lying on a white rug")).isEqualTo(1.0);
        assertThat(query.binding("a white dog lying on a brown rug")).isEqualTo(-1.0);
        assertThat(query.binding("a dog lying on a rug")).isZero();
    }

    @Test
    void synonymsAreTheSameAttributeOrNoun() {
        AttributePairs query = new AttributePairs("big dog and a little cat on the couch");

        assertThat(query.binding("a large dog and a small cat on a sofa")).isEqualTo(1.0);
        assertThat(query.binding("a small dog and a large cat on a sofa")).isEqualTo(-1.0);
    }

    @Test
    void queryWithoutAttributesBindsNothing() {
        AttributePairs query = new AttributePairs("a dog on a rug");

        assertThat(query.any()).isFalse();
        assertThat(query.binding("a brown dog on a white rug")).isZero();
    }
}
