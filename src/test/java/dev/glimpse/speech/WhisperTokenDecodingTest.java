package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.TokenDecoder;
import org.junit.jupiter.api.Test;

class WhisperTokenDecodingTest {

    @Test
    void referenceIdsDecodeToTheReferenceTextWithoutSpecialTokens() {
        try (TokenDecoder tokenizer = TokenDecoder.load(WhisperReference.MODEL)) {
            String text = tokenizer.decode(WhisperReference.ids("generated_ids"));

            assertThat(text).isEqualTo(WhisperReference.expected().get("text").getAsString());
        }
    }
}
