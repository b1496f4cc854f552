package dev.glimpse.speech;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/** The architecture of a Whisper checkpoint, from its {@code config.json}. */
record WhisperConfig(
        int dModel,
        int encoderLayers,
        int encoderHeads,
        int decoderLayers,
        int decoderHeads,
        int melBins,
        int maxSourcePositions,
        int maxTargetPositions,
        int vocabSize) {

    static final String FILE = "config.json";

    /** {@code nn.LayerNorm}'s default, which Whisper uses everywhere. */
    static final float LAYER_NORM_EPS = 1e-5f;

    WhisperConfig {
        if (dModel % encoderHeads != 0 || dModel % decoderHeads != 0) {
            throw new IllegalArgumentException(
                    "d_model " + dModel + " is not divisible by the heads " + encoderHeads + "/" + decoderHeads);
        }
    }

    /** Number of feature frames the encoder takes: two per position, as conv2 has stride 2. */
    int inputFrames() {
        return 2 * maxSourcePositions;
    }

    static WhisperConfig load(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        JsonObject json = JsonFiles.read(file);
        String activation = json.has("activation_function")
                ? json.get("activation_function").getAsString()
                : "gelu";
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException("Unsupported activation_function '" + activation + "' in " + file);
        }
        if (json.has("scale_embedding") && json.get("scale_embedding").getAsBoolean()) {
            throw new IllegalArgumentException("scale_embedding=true is not supported (" + file + ")");
        }
        return new WhisperConfig(
                intField(json, "d_model", file),
                intField(json, "encoder_layers", file),
                intField(json, "encoder_attention_heads", file),
                intField(json, "decoder_layers", file),
                intField(json, "decoder_attention_heads", file),
                intField(json, "num_mel_bins", file),
                intField(json, "max_source_positions", file),
                intField(json, "max_target_positions", file),
                intField(json, "vocab_size", file));
    }

    private static int intField(JsonObject json, String key, Path file) {
        return JsonFiles.require(json, key, file).getAsInt();
    }
}
