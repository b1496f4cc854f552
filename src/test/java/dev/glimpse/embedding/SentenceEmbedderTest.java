package dev.glimpse.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    private static final Path MODEL = Fixtures.model("all-MiniLM-L6-v2");

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.load(MODEL);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    record ReferenceSentence(String text, long[] ids, float[] embedding) {}

    static List<ReferenceSentence> references() throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(MODEL.resolve("reference/embeddings.json")))
                .getAsJsonObject();
        List<ReferenceSentence> sentences = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("sentences")) {
            JsonObject sentence = element.getAsJsonObject();
            JsonArray ids = sentence.getAsJsonArray("input_ids");
            JsonArray embedding = sentence.getAsJsonArray("embedding");
            long[] idValues = new long[ids.size()];
            for (int i = 0; i < idValues.length; i++) {
                idValues[i] = ids.get(i).getAsLong();
            }
            float[] values = new float[embedding.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = embedding.get(i).getAsFloat();
            }
            sentences.add(new ReferenceSentence(sentence.get("text").getAsString(), idValues, values));
        }
        return sentences;
    }

    @Test
    void reproducesTheTwelveReferenceEmbeddingsAndTokenIdsInOneBatch() throws IOException {
        List<ReferenceSentence> references = references();
        assertThat(references).hasSize(12);
        List<String> texts = references.stream().map(ReferenceSentence::text).toList();

        long[][] ids = embedder.tokenIds(texts);
        float[][] vectors = embedder.embed(texts);

        for (int i = 0; i < references.size(); i++) {
            assertThat(ids[i])
                    .as(texts.get(i))
                    .containsExactly(references.get(i).ids());
            assertThat(vectors[i])
                    .as(texts.get(i))
                    .containsExactly(references.get(i).embedding(), within(1e-5f));
        }
    }

    @Test
    void similarCaptionsScoreHigherThanUnrelatedOnes() {
        float[][] v = embedder.embed(List.of(
                "a dog running on the beach", "a puppy playing on the sand", "a plate of pasta with tomato sauce"));
        float similar = dot(v[0], v[1]);
        float unrelated = dot(v[0], v[2]);
        assertThat(similar).isCloseTo(0.62f, within(0.02f));
        assertThat(unrelated).isCloseTo(0.01f, within(0.05f));
        assertThat(similar).isGreaterThan(unrelated + 0.4f);
    }

    @Test
    void aBatchOfVeryDifferentLengthsEqualsOneByOneResults() {
        List<String> texts = List.of(
                "hi",
                String.join(" ", Collections.nCopies(60, "a long winding road through green hills and old villages")),
                "a red car parked near the sea",
                "");
        float[][] batch = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch[i]).containsExactly(embedder.embed(texts.get(i)), within(1e-5f));
        }
    }

    @Test
    void embeddingsHaveTheModelsDimensionAndUnitLength() {
        float[] v = embedder.embed("children are building a sandcastle");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(v).hasSize(384);
        assertThat(dot(v, v)).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void longInputIsTruncatedAtTheModelsMaximumKeepingTheSeparator() {
        String longText = String.join(" ", Collections.nCopies(400, "word"));
        long[] ids = embedder.tokenIds(List.of(longText))[0];
        assertThat(embedder.maxLength()).isEqualTo(256);
        assertThat(ids).hasSize(256);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[255]).isEqualTo(102);
        assertThat(embedder.embed(longText)).hasSize(384);
    }

    @Test
    void callsLeaveNoArraysOnTheModelManager() {
        int before = embedder.modelArrayCount();
        embedder.embed(List.of("a man riding a bicycle downhill", "a bowl of fresh fruit salad"));
        assertThat(embedder.modelArrayCount()).isEqualTo(before);
    }

    @Test
    void emptyInputGivesNoVectors() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return (float) sum;
    }
}
