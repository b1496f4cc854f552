package dev.glimpse.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * sentence-transformers' pooling of token vectors into one sentence vector, read from {@code 1_Pooling/config.json}
 * (the hub layout) or {@code pooling_config.json}; mean pooling when neither exists.
 */
enum Pooling {
    MEAN,
    CLS,
    MAX;

    private static final List<String> CONFIG_FILES = List.of("1_Pooling/config.json", "pooling_config.json");

    static Pooling read(Path modelDir) {
        for (String name : CONFIG_FILES) {
            Path file = modelDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return parse(file);
            }
        }
        return MEAN;
    }

    private static Pooling parse(Path file) {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (flag(json, "pooling_mode_mean_sqrt_len_tokens")
                || flag(json, "pooling_mode_weightedmean_tokens")
                || flag(json, "pooling_mode_lasttoken")) {
            throw new IllegalArgumentException("Unsupported pooling mode in " + file + " (mean, cls or max only)");
        }
        if (flag(json, "pooling_mode_cls_token")) {
            return CLS;
        }
        if (flag(json, "pooling_mode_max_tokens")) {
            return MAX;
        }
        return MEAN;
    }

    private static boolean flag(JsonObject json, String field) {
        return json.has(field) && json.get(field).getAsBoolean();
    }

    /**
     * @param hidden token vectors [b, t, d]
     * @param attentionMask 1 for tokens, 0 for padding [b, t]
     * @return sentence vectors [b, d]
     */
    NDArray apply(NDArray hidden, NDArray attentionMask) {
        NDArray mask = attentionMask.toType(DataType.FLOAT32, false).expandDims(-1);
        return switch (this) {
            case MEAN ->
                hidden.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).clip(1e-9f, Float.MAX_VALUE));
            case CLS -> hidden.get(new NDIndex(":, 0, :"));
            case MAX -> hidden.add(mask.sub(1).mul(1e9f)).max(new int[] {1});
        };
    }
}
