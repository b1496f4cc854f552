package dev.glimpse.caption;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** blip-tiny's {@code reference/expected.json} and the raw tensors next to it. */
record ReferenceOutputs(Path dir, JsonObject json) {

    static ReferenceOutputs load() {
        Path dir = Fixtures.model("blip-tiny").resolve("reference");
        try {
            return new ReferenceOutputs(
                    dir,
                    JsonParser.parseString(Files.readString(dir.resolve("expected.json")))
                            .getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int[] generatedIds() {
        return ints("generated_ids");
    }

    int[] decoderInputIds() {
        return ints("decoder_input_ids");
    }

    int maxNewTokens() {
        return json.get("max_new_tokens").getAsInt();
    }

    String text() {
        return json.get("text").getAsString();
    }

    float[] tensor(String name) {
        return Fixtures.readF32(
                dir.resolve(json.getAsJsonObject(name).get("file").getAsString()));
    }

    long[] shape(String name) {
        JsonArray shape = json.getAsJsonObject(name).getAsJsonArray("shape");
        return IntStream.range(0, shape.size())
                .mapToLong(i -> shape.get(i).getAsLong())
                .toArray();
    }

    private int[] ints(String key) {
        JsonArray values = json.getAsJsonArray(key);
        return IntStream.range(0, values.size())
                .map(i -> values.get(i).getAsInt())
                .toArray();
    }
}
