package dev.glimpse.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BleuTest {

    @Test
    void identicalCaptionsScoreOneHundred() {
        Bleu.Score score = Bleu.corpus(List.of("a dog runs on the beach"), List.of(List.of("a dog runs on the beach")));

        assertThat(score.bleu()).isCloseTo(100, within(1e-9));
        assertThat(score.brevityPenalty()).isEqualTo(1);
    }

    @Test
    void precisionsAreClippedCountsSummedOverTheCorpus() {
        // the cat sat on the mat / the cat is on the mat: 1-grams the×2 cat on mat = 5 of 6; 2-grams "the cat",
        // "on the", "the mat" = 3 of 5; 3-grams "on the mat" = 1 of 4; 4-grams none of 3.
        // a man is riding a horse on the road / a man rides a horse along the road: a×2 man horse the road = 6 of 9;
        // "a man", "a horse", "the road" = 3 of 8; none of 7; none of 6.
        Bleu.Score score = Bleu.corpus(
                List.of("the cat sat on the mat", "a man is riding a horse on the road"),
                List.of(List.of("the cat is on the mat"), List.of("a man rides a horse along the road")));

        assertThat(score.precisions())
                .containsExactly(new double[] {1100.0 / 15, 600.0 / 13, 100.0 / 11, 0}, within(1e-9));
        assertThat(score.bleu())
                .as("no smoothing: a zero 4-gram precision gives 0")
                .isZero();
        assertThat(score.hypothesisLength()).isEqualTo(15);
        assertThat(score.referenceLength()).isEqualTo(14);
    }

    @Test
    void shortHypothesesPayTheBrevityPenaltyAgainstTheClosestReferenceLength() {
        // lengths 5 and 4; closest references 7 (of 8, 7) and 7 (of 7, 8): BP = exp(1 - 14/9), all precisions 1
        Bleu.Score score = Bleu.corpus(
                List.of("a dog on the beach", "a plate of pasta"),
                List.of(
                        List.of("a brown dog running on the sandy beach", "a dog on the beach at sunset"),
                        List.of("a plate of pasta with tomato sauce", "a white plate of pasta on a table")));

        assertThat(score.brevityPenalty()).isCloseTo(Math.exp(1 - 14.0 / 9), within(1e-12));
        assertThat(score.bleu()).isCloseTo(100 * Math.exp(-5.0 / 9), within(1e-9));
    }

    @Test
    void onATieTheShorterReferenceLengthCounts() {
        assertThat(Bleu.closestLength(5, List.of(List.of("a", "b", "c", "d", "e", "f"), List.of("a", "b", "c", "d"))))
                .isEqualTo(4);
    }

    @Test
    void agreesWithSacrebleuOnTheRecordedSentenceSets() throws IOException {
        Map<String, JsonObject> recorded = new java.util.HashMap<>();
        for (JsonElement set :
                resource("sacrebleu-recorded.json").getAsJsonObject().getAsJsonArray("sets")) {
            recorded.put(set.getAsJsonObject().get("name").getAsString(), set.getAsJsonObject());
        }
        JsonArray sets = resource("bleu-sets.json").getAsJsonArray();
        assertThat(sets).hasSize(6);
        for (JsonElement element : sets) {
            JsonObject set = element.getAsJsonObject();
            String name = set.get("name").getAsString();
            List<String> hypotheses = strings(set.getAsJsonArray("hypotheses"));
            List<List<String>> references = new ArrayList<>();
            set.getAsJsonArray("references").forEach(refs -> references.add(strings(refs.getAsJsonArray())));
            JsonObject expected = recorded.get(name).getAsJsonObject("none");

            Bleu.Score score = Bleu.corpus(hypotheses, references);

            assertThat(score.bleu()).as(name).isCloseTo(expected.get("score").getAsDouble(), within(1e-9));
            assertThat(score.brevityPenalty())
                    .as(name)
                    .isCloseTo(expected.get("bp").getAsDouble(), within(1e-12));
            assertThat(score.hypothesisLength())
                    .as(name)
                    .isEqualTo(expected.get("sys_len").getAsLong());
            assertThat(score.referenceLength())
                    .as(name)
                    .isEqualTo(expected.get("ref_len").getAsLong());
            JsonArray precisions = expected.getAsJsonArray("precisions");
            for (int n = 0; n < 4; n++) {
                assertThat(score.precisions()[n])
                        .as(name + " p" + (n + 1))
                        .isCloseTo(precisions.get(n).getAsDouble(), within(1e-9));
            }
        }
    }

    @Test
    void tokenizesAsSacrebleus13aTokenizerAfterLowercasing() throws IOException {
        int checked = 0;
        for (JsonElement set :
                resource("sacrebleu-recorded.json").getAsJsonObject().getAsJsonArray("sets")) {
            for (Map.Entry<String, JsonElement> entry :
                    set.getAsJsonObject().getAsJsonObject("tokens").entrySet()) {
                assertThat(String.join(" ", Tokenization.bleu13a(entry.getKey())))
                        .as(entry.getKey())
                        .isEqualTo(entry.getValue().getAsString());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(Tokenization.bleu13a("A 3-year-old eats 2.5 apples, fast."))
                .containsExactly("a", "3", "-", "year-old", "eats", "2.5", "apples", ",", "fast", ".");
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(e -> strings.add(e.getAsString()));
        return strings;
    }

    private static JsonElement resource(String name) throws IOException {
        try (InputStream in = BleuTest.class.getResourceAsStream(name)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
