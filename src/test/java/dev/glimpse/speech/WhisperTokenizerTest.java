package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhisperTokenizerTest {

    @Test
    void referenceIdsDecodeToTheReferenceTextWithoutSpecialTokens() {
        try (WhisperTokenizer tokenizer = WhisperTokenizer.load(WhisperReference.MODEL)) {
            String text = tokenizer.decode(WhisperReference.ids("generated_ids"));

            assertThat(text).isEqualTo(WhisperReference.expected().get("text").getAsString());
        }
    }
}
