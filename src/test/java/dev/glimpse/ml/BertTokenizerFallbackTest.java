package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertTokenizerFallbackTest {

    private static final List<String> SENTENCES = List.of(
            "A red car parked near the sea.",
            "Two DOGS running on the beach, happily!",
            "[DEC] a picture of an unbelievably extraordinary café",
            "naïve résumé — 東京 tower at night",
            "[ENC] hello [SEP] world [PAD]",
            "   spaces   and\ttabs\nnewlines ");

    @Test
    void blipWithoutTokenizerJsonTokenizesAndDecodesLikeTheOriginal(@TempDir Path copy) throws IOException {
        Path original = Fixtures.model("blip-tiny");
        try (Stream<Path> files = Files.list(original)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("tokenizer.json")) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        writeVocabTxt(original.resolve("tokenizer.json"), copy.resolve("vocab.txt"));

        try (HuggingFaceTokenizer expected = Tokenizers.load(original);
                HuggingFaceTokenizer actual = Tokenizers.load(copy)) {
            for (String sentence : SENTENCES) {
                Encoding want = expected.encode(sentence);
                Encoding got = actual.encode(sentence);
                assertThat(got.getIds()).as(sentence).containsExactly(want.getIds());
                assertThat(got.getTokens()).as(sentence).containsExactly(want.getTokens());
                assertThat(got.getAttentionMask()).as(sentence).containsExactly(want.getAttentionMask());
                for (boolean skipSpecial : new boolean[] {true, false}) {
                    assertThat(actual.decode(got.getIds(), skipSpecial))
                            .as(sentence)
                            .isEqualTo(expected.decode(want.getIds(), skipSpecial));
                }
            }
            assertThat(actual.encode("[DEC] [ENC]", false, false).getIds()).containsExactly(30522L, 30523L);
        }
    }

    @Test
    void specialTokensMapAndAddedTokensFileAreHonoured(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("vocab.txt"),
                String.join("\n", "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s") + "\n");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        Files.writeString(
                dir.resolve("special_tokens_map.json"),
                "{\"bos_token\": \"[DEC]\", \"additional_special_tokens\": [\"[ENC]\"], \"unk_token\": \"[UNK]\"}");

        try (HuggingFaceTokenizer tokenizer = Tokenizers.load(dir, Map.of())) {
            assertThat(tokenizer.encode("[DEC] hello worlds Hello").getIds())
                    .containsExactly(2L, 8L, 5L, 6L, 7L, 1L, 3L);
            assertThat(tokenizer.encode("[ENC]", false, false).getIds()).containsExactly(9L);
        }
    }

    @Test
    void addedTokensDecoderOfNewerConfigsKeepsItsIds(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("vocab.txt"), String.join("\n", "[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "cat") + "\n");
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"added_tokens_decoder": {"6": {"content": "[ENC]", "special": true, "normalized": false},
                                          "7": {"content": "[DEC]", "special": true, "normalized": false}},
                 "bos_token": "[DEC]", "extra_special_tokens": ["[ENC]"], "unk_token": "[UNK]"}
                """);

        try (HuggingFaceTokenizer tokenizer = Tokenizers.load(dir)) {
            assertThat(tokenizer.encode("[DEC] A Cat [ENC]").getIds()).containsExactly(2L, 7L, 4L, 5L, 6L, 3L);
            assertThat(tokenizer.decode(new long[] {2, 7, 4, 5, 6, 3}, true)).isEqualTo("a cat");
        }
    }

    private static void writeVocabTxt(Path tokenizerJson, Path vocabTxt) throws IOException {
        JsonObject vocab = JsonParser.parseString(Files.readString(tokenizerJson))
                .getAsJsonObject()
                .getAsJsonObject("model")
                .getAsJsonObject("vocab");
        TreeMap<Integer, String> byId = new TreeMap<>();
        vocab.entrySet().forEach(entry -> byId.put(entry.getValue().getAsInt(), entry.getKey()));
        assertThat(byId.lastKey()).isEqualTo(byId.size() - 1);
        Files.write(vocabTxt, byId.values(), StandardCharsets.UTF_8);
    }
}
