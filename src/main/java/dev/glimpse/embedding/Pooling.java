package dev.glimpse.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.glimpse.ml.ConfigJson;
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
        ConfigJson json = ConfigJson.read(file);
        if (json.booleanOr("pooling_mode_mean_sqrt_len_tokens", false)
                || json.booleanOr("pooling_mode_weightedmean_tokens", false)
                || json.booleanOr("pooling_mode_lasttoken", false)) {
            throw new IllegalArgumentException("Unsupported pooling mode in " + file + " (mean, cls or max only)");
        }
        if (json.booleanOr("pooling_mode_cls_token", false)) {
            return CLS;
        }
        if (json.booleanOr("pooling_mode_max_tokens", false)) {
            return MAX;
        }
        return MEAN;
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
