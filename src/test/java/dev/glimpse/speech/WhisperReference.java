package dev.glimpse.speech;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.ml.ModelOptions;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;

/** The whisper-tiny fixture and its reference outputs (see the fixtures README). */
final class WhisperReference {

    static final Path MODEL = Fixtures.model("whisper-tiny");
    static final Path REFERENCE = MODEL.resolve("reference");

    /**
     * One intra-op thread: on a small shared CI machine PyTorch's default thread pool makes each tiny decoder step
     * 10-40 times slower (measured: 60-190 ms against 4-5 ms per step at load 11 on 2 cores).
     */
    static final ModelOptions TEST_OPTIONS = new ModelOptions("cpu", 1);

    private WhisperReference() {}

    static JsonObject expected() {
        try {
            return JsonParser.parseString(Files.readString(REFERENCE.resolve("expected.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ids(String key) {
        return StreamSupport.stream(expected().getAsJsonArray(key).spliterator(), false)
                .mapToInt(element -> element.getAsInt())
                .toArray();
    }

    static float[] tensor(String key) {
        String file = expected().getAsJsonObject(key).get("file").getAsString();
        return Fixtures.readF32(REFERENCE.resolve(file));
    }

    static float[] inputFeatures() {
        return tensor("input_features");
    }
}
