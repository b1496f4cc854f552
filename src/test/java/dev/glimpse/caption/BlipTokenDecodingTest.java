package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.TokenDecoder;
import dev.glimpse.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class BlipTokenDecodingTest {

    @Test
    void decodesReferenceIdsToReferenceTextWithoutSpecialTokens() {
        ReferenceOutputs reference = ReferenceOutputs.load();
        try (TokenDecoder tokenizer = TokenDecoder.load(Fixtures.model("blip-tiny"))) {
            assertThat(tokenizer.decode(reference.generatedIds())).isEqualTo(reference.text());
        }
    }

    @Test
    void skipsDecoderStartAndSeparatorTokens() {
        try (TokenDecoder tokenizer = TokenDecoder.load(Fixtures.model("blip-tiny"))) {
            assertThat(tokenizer.decode(new int[] {30522, 1037, 3899, 102})).isEqualTo("a dog");
        }
    }
}
