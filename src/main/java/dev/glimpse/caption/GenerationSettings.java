package dev.glimpse.caption;

import dev.glimpse.ml.ConfigJson;
import java.nio.file.Path;

/** Values from a model's optional {@code generation_config.json}, with transformers' defaults. */
final class GenerationSettings {

    private GenerationSettings() {}

    /** {@code length_penalty} for beam search (1.0 when absent). */
    static double lengthPenalty(Path modelDir) {
        return ConfigJson.readIfPresent(modelDir.resolve("generation_config.json"))
                .map(json -> json.doubleOr("length_penalty", 1.0))
                .orElse(1.0);
    }
}
