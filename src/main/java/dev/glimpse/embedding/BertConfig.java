package dev.glimpse.embedding;

import dev.glimpse.ml.ConfigJson;
import java.nio.file.Path;

/** The fields of a BERT {@code config.json} that the encoder needs (missing keys: the rule of {@link ConfigJson}). */
record BertConfig(
        int hiddenSize,
        int layers,
        int heads,
        int maxPositions,
        float layerNormEps,
        int padTokenId,
        String hiddenAct,
        String positionEmbeddingType) {

    BertConfig {
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException(
                    "hidden_size " + hiddenSize + " is not divisible by num_attention_heads " + heads);
        }
        if (!hiddenAct.equals("gelu")) {
            throw new IllegalArgumentException("Unsupported hidden_act '" + hiddenAct + "' (only exact 'gelu')");
        }
        if (!positionEmbeddingType.equals("absolute")) {
            throw new IllegalArgumentException(
                    "Unsupported position_embedding_type '" + positionEmbeddingType + "' (only 'absolute')");
        }
    }

    static BertConfig read(Path modelDir) {
        ConfigJson json = ConfigJson.read(modelDir.resolve("config.json"));
        return new BertConfig(
                json.requireInt("hidden_size"),
                json.requireInt("num_hidden_layers"),
                json.requireInt("num_attention_heads"),
                json.requireInt("max_position_embeddings"),
                json.floatOr("layer_norm_eps", 1e-12f),
                json.intOr("pad_token_id", 0),
                json.stringOr("hidden_act", "gelu"),
                json.stringOr("position_embedding_type", "absolute"));
    }
}
