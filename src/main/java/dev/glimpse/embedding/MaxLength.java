package dev.glimpse.embedding;

import dev.glimpse.ml.ConfigJson;
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
        double value = ConfigJson.readIfPresent(file)
                .map(json -> json.doubleOr(field, 0))
                .orElse(0.0);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }
}
