package dev.glimpse.embedding;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The longest input a sentence-transformer takes, as sentence-transformers decides it: {@code max_seq_length} from
 * {@code sentence_bert_config.json}, else {@code model_max_length} from {@code tokenizer_config.json}, never more
 * than the model's position embeddings.
 */
final class MaxLength {

    private MaxLength() {}

    static int of(Path modelDir, int maxPositions) {
        int configured = read(modelDir.resolve("sentence_bert_config.json"), "max_seq_length");
        if (configured <= 0) {
            configured = read(modelDir.resolve("tokenizer_config.json"), "model_max_length");
        }
        return configured > 0 ? Math.min(configured, maxPositions) : maxPositions;
    }

    private static int read(Path file, String field) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (!json.has(field) || json.get(field).isJsonNull()) {
                return 0;
            }
            double value = json.get(field).getAsDouble();
            return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("Malformed " + file + ": " + e.getMessage(), e);
        }
    }
}
