package dev.glimpse.caption;

import dev.glimpse.ml.ConfigJson;
import java.nio.file.Path;

/**
 * The parts of a BLIP {@code config.json} ({@code BlipForConditionalGeneration}) that the captioner
 * needs, with transformers' defaults for absent keys (the rule of {@link ConfigJson}). Nothing else in this package assumes a model
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
        return parse(ConfigJson.read(file));
    }

    static BlipConfig parse(ConfigJson json) {
        ConfigJson vision = json.section("vision_config");
        ConfigJson text = json.section("text_config");
        requireExactGelu(vision, "vision_config");
        requireExactGelu(text, "text_config");
        return new BlipConfig(
                new Vision(
                        vision.intOr("hidden_size", 768),
                        vision.intOr("intermediate_size", 3072),
                        vision.intOr("num_hidden_layers", 12),
                        vision.intOr("num_attention_heads", 12),
                        vision.intOr("image_size", 384),
                        vision.intOr("patch_size", 16),
                        vision.floatOr("layer_norm_eps", 1e-5f)),
                new Text(
                        text.intOr("hidden_size", 768),
                        text.intOr("intermediate_size", 3072),
                        text.intOr("num_hidden_layers", 12),
                        text.intOr("num_attention_heads", 8),
                        text.intOr("vocab_size", 30524),
                        text.intOr("max_position_embeddings", 512),
                        text.intOr("encoder_hidden_size", vision.intOr("hidden_size", 768)),
                        text.floatOr("layer_norm_eps", 1e-12f),
                        text.intOr("bos_token_id", 30522),
                        text.intOr("sep_token_id", 102),
                        text.intOr("pad_token_id", 0)));
    }

    private static void requireExactGelu(ConfigJson json, String section) {
        String activation = json.stringOr("hidden_act", "gelu");
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException(
                    section + ".hidden_act is " + activation + "; only exact (erf) gelu is implemented");
        }
    }
}
