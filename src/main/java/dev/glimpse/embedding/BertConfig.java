package dev.glimpse.embedding;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fields of a BERT {@code config.json} that the encoder needs. */
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
        Path file = modelDir.resolve("config.json");
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return new BertConfig(
                    required(json, "hidden_size", file).getAsInt(),
                    required(json, "num_hidden_layers", file).getAsInt(),
                    required(json, "num_attention_heads", file).getAsInt(),
                    required(json, "max_position_embeddings", file).getAsInt(),
                    json.has("layer_norm_eps") ? json.get("layer_norm_eps").getAsFloat() : 1e-12f,
                    json.has("pad_token_id") ? json.get("pad_token_id").getAsInt() : 0,
                    json.has("hidden_act") ? json.get("hidden_act").getAsString() : "gelu",
                    json.has("position_embedding_type")
                            ? json.get("position_embedding_type").getAsString()
                            : "absolute");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException("Malformed " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement required(JsonObject json, String field, Path file) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException(file + " lacks '" + field + "'");
        }
        return value;
    }
}
