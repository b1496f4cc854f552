package dev.glimpse.caption;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a BLIP {@code config.json} ({@code BlipForConditionalGeneration}) that the captioner
 * needs, with transformers' defaults for absent keys. Nothing else in this package assumes a model
 * size.
 */
record BlipConfig(Vision vision, Text text) {

    /** {@code vision_config}: the ViT encoder. */
    record Vision(
            int hiddenSize,
            int intermediateSize,
            int layers,
            int heads,
            int imageSize,
            int patchSize,
            float layerNormEps) {

        int patchesPerSide() {
            return imageSize / patchSize;
        }

        /** Patches plus the class token. */
        int sequenceLength() {
            return patchesPerSide() * patchesPerSide() + 1;
        }
    }

    /** {@code text_config}: the BERT decoder with cross-attention and its special tokens. */
    record Text(
            int hiddenSize,
            int intermediateSize,
            int layers,
            int heads,
            int vocabSize,
            int maxPositions,
            int encoderHiddenSize,
            float layerNormEps,
            int bosTokenId,
            int sepTokenId,
            int padTokenId) {}

    static BlipConfig read(Path file) {
        try {
            return parse(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static BlipConfig parse(JsonObject json) {
        JsonObject vision = json.has("vision_config") ? json.getAsJsonObject("vision_config") : new JsonObject();
        JsonObject text = json.has("text_config") ? json.getAsJsonObject("text_config") : new JsonObject();
        requireExactGelu(vision, "vision_config");
        requireExactGelu(text, "text_config");
        return new BlipConfig(
                new Vision(
                        intOr(vision, "hidden_size", 768),
                        intOr(vision, "intermediate_size", 3072),
                        intOr(vision, "num_hidden_layers", 12),
                        intOr(vision, "num_attention_heads", 12),
                        intOr(vision, "image_size", 384),
                        intOr(vision, "patch_size", 16),
                        floatOr(vision, "layer_norm_eps", 1e-5f)),
                new Text(
                        intOr(text, "hidden_size", 768),
                        intOr(text, "intermediate_size", 3072),
                        intOr(text, "num_hidden_layers", 12),
                        intOr(text, "num_attention_heads", 8),
                        intOr(text, "vocab_size", 30524),
                        intOr(text, "max_position_embeddings", 512),
                        intOr(text, "encoder_hidden_size", intOr(vision, "hidden_size", 768)),
                        floatOr(text, "layer_norm_eps", 1e-12f),
                        intOr(text, "bos_token_id", 30522),
                        intOr(text, "sep_token_id", 102),
                        intOr(text, "pad_token_id", 0)));
    }

    private static void requireExactGelu(JsonObject json, String section) {
        String activation = json.has("hidden_act") ? json.get("hidden_act").getAsString() : "gelu";
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException(
                    section + ".hidden_act is " + activation + "; only exact (erf) gelu is implemented");
        }
    }

    private static int intOr(JsonObject json, String key, int fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsInt() : fallback;
    }

    private static float floatOr(JsonObject json, String key, float fallback) {
        return json.has(key) && !json.get(key).isJsonNull()
                ? (float) json.get(key).getAsDouble()
                : fallback;
    }
}
