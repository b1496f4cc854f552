package dev.glimpse.caption;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Values from a model's optional {@code generation_config.json}, with transformers' defaults. */
final class GenerationSettings {

    private GenerationSettings() {}

    /** {@code length_penalty} for beam search (1.0 when absent). */
    static double lengthPenalty(Path modelDir) {
        Path file = modelDir.resolve("generation_config.json");
        if (!Files.isRegularFile(file)) {
            return 1.0;
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return json.has("length_penalty") ? json.get("length_penalty").getAsDouble() : 1.0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
