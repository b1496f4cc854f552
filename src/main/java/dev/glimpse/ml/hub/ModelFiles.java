package dev.glimpse.ml.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which files make a model: {@code config.json}, the tokenizer/processor/generation/pooling files a repository may
 * have, and one set of weights, preferring safetensors over PyTorch pickles and a single file over shards.
 */
final class ModelFiles {

    static final String CONFIG = "config.json";

    static final List<String> OPTIONAL = List.of(
            "generation_config.json",
            "preprocessor_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json",
            "added_tokens.json",
            "vocab.txt",
            "pooling_config.json",
            "sentence_bert_config.json",
            "modules.json",
            "1_Pooling/config.json");

    /** Weight layouts in order of preference: a single file, or an index naming its shards. */
    enum Weights {
        SAFETENSORS("model.safetensors", false),
        SAFETENSORS_SHARDED("model.safetensors.index.json", true),
        PYTORCH("pytorch_model.bin", false),
        PYTORCH_SHARDED("pytorch_model.bin.index.json", true);

        final String file;
        final boolean index;

        Weights(String file, boolean index) {
            this.file = file;
            this.index = index;
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    private ModelFiles() {}

    /** Checks that a file name (possibly with sub-folders) stays inside the model folder. */
    static String checkFileName(String name) {
        if (name == null || name.isEmpty() || name.length() > 400) {
            throw new HubException("Invalid file name in model repository: '" + name + "'");
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new HubException("Refusing file name '" + name
                        + "' from the model repository: only letters, digits, '.', '_', '-' and sub-folders"
                        + " are allowed");
            }
        }
        return name;
    }

    /** The distinct shard files an index's {@code weight_map} points to, validated. */
    static List<String> shards(Path indexFile) {
        try {
            JsonObject index =
                    JsonParser.parseString(Files.readString(indexFile)).getAsJsonObject();
            JsonObject weightMap = index.getAsJsonObject("weight_map");
            if (weightMap == null || weightMap.isEmpty()) {
                throw new HubException(indexFile + " has no weight_map");
            }
            TreeSet<String> files = new TreeSet<>();
            for (var entry : weightMap.entrySet()) {
                JsonElement value = entry.getValue();
                files.add(checkFileName(value.getAsString()));
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new HubException("Cannot read " + indexFile + ": " + e, e);
        } catch (RuntimeException e) {
            if (e instanceof HubException hub) {
                throw hub;
            }
            throw new HubException("Cannot parse the shard index " + indexFile + ": " + e, e);
        }
    }

    /** The first file a local folder lacks to be usable without the hub, if any. */
    static Optional<String> firstMissingLocally(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            return Optional.of(CONFIG);
        }
        for (Weights weights : Weights.values()) {
            if (Files.isRegularFile(dir.resolve(weights.file))) {
                if (!weights.index) {
                    return Optional.empty();
                }
                return shards(dir.resolve(weights.file)).stream()
                        .filter(shard -> !Files.isRegularFile(dir.resolve(shard)))
                        .findFirst();
            }
        }
        return Optional.of(Weights.SAFETENSORS.file + " (or pytorch_model.bin, or a sharded index)");
    }
}
