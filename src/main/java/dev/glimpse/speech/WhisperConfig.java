package dev.glimpse.speech;

import dev.glimpse.ml.ConfigJson;
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
        return parse(ConfigJson.read(modelDir.resolve(FILE)));
    }

    static WhisperConfig parse(ConfigJson json) {
        String activation = json.stringOr("activation_function", "gelu");
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException(
                    "Unsupported activation_function '" + activation + "' in " + json.file());
        }
        if (json.booleanOr("scale_embedding", false)) {
            throw new IllegalArgumentException("scale_embedding=true is not supported (" + json.file() + ")");
        }
        return new WhisperConfig(
                json.requireInt("d_model"),
                json.requireInt("encoder_layers"),
                json.requireInt("encoder_attention_heads"),
                json.requireInt("decoder_layers"),
                json.requireInt("decoder_attention_heads"),
                json.requireInt("num_mel_bins"),
                json.requireInt("max_source_positions"),
                json.requireInt("max_target_positions"),
                json.requireInt("vocab_size"));
    }
}
