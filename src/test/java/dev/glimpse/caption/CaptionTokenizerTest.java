package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class CaptionTokenizerTest {

    @Test
    void decodesReferenceIdsToReferenceTextWithoutSpecialTokens() {
        ReferenceOutputs reference = ReferenceOutputs.load();
        try (CaptionTokenizer tokenizer = CaptionTokenizer.load(Fixtures.model("blip-tiny"))) {
            assertThat(tokenizer.decode(reference.generatedIds())).isEqualTo(reference.text());
        }
    }

    @Test
    void skipsDecoderStartAndSeparatorTokens() {
        try (CaptionTokenizer tokenizer = CaptionTokenizer.load(Fixtures.model("blip-tiny"))) {
            assertThat(tokenizer.decode(new int[] {30522, 1037, 3899, 102})).isEqualTo("a dog");
        }
    }
}
