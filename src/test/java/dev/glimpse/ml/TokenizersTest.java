package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.glimpse.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {

    @Test
    void loadsTheModelsTokenizerJson() {
        try (HuggingFaceTokenizer tokenizer =
                Tokenizers.load(Fixtures.model("all-MiniLM-L6-v2"), Map.of("padding", "false"))) {
            assertThat(tokenizer.encode("a dog running on the beach").getIds())
                    .containsExactly(101, 1037, 3899, 2770, 2006, 1996, 3509, 102);
        }
    }

    @Test
    void defaultsTruncateAtTheFilesMaximumAndDoNotPadASingleSentence() {
        try (HuggingFaceTokenizer tokenizer = Tokenizers.load(Fixtures.model("all-MiniLM-L6-v2"))) {
            assertThat(tokenizer.encode("word ".repeat(400)).getIds()).hasSize(128);
            assertThat(tokenizer.encode("a dog").getIds()).containsExactly(101, 1037, 3899, 102);
        }
    }

    @Test
    void folderWithoutTokenizerJsonIsRefusedByName(@TempDir Path empty) {
        assertThatThrownBy(() -> Tokenizers.load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.json");
    }
}
