package dev.glimpse.tools.bench;

import dev.glimpse.caption.RandomBlipWeights;
import dev.glimpse.ml.ConfigJson;
import dev.glimpse.ml.RandomWeights;
import dev.glimpse.speech.RandomWhisperWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A model folder with random weights for a Hugging Face configuration: the configuration as {@code config.json},
 * a {@code model.safetensors} whose tensors have the real checkpoint's names and shapes (weights and biases
 * N(0, init_std²), layer-norm scales N(1, init_std²), as an initializer draws them; the layouts are
 * {@link RandomWhisperWeights}, {@link RandomBlipWeights} and {@link #bert}, all described by {@link RandomWeights}), and the tokenizer,
 * preprocessor and generation files copied from another folder of the same architecture (the tiny fixtures). The
 * configuration's vocabulary size sets the weights; the copied tokenizer only limits which ids decode to text.
 */
public final class RandomCheckpoint {

    /** The files besides the weights that a model folder may need; {@link #write} copies those that exist. */
    public static final List<String> COMPANION_FILES = List.of(
            "tokenizer.json",
            "tokenizer_config.json",
            "vocab.txt",
            "preprocessor_config.json",
            "generation_config.json",
            "pooling_config.json",
            "sentence_bert_config.json");

    private RandomCheckpoint() {}

    /** Writes the folder {@code target} for {@code configFile}, copying {@code files} that exist in {@code filesDir}. */
    public static Path write(Path configFile, Path filesDir, List<String> files, Path target) {
        ConfigJson config = ConfigJson.read(configFile);
        String type = config.requireString("model_type");
        RandomWeights weights = switch (type) {
            case "whisper" -> RandomWhisperWeights.initialized(config);
            case "bert" -> bert(config);
            case "blip" -> RandomBlipWeights.initialized(config);
            default -> throw new IllegalArgumentException("No random checkpoint for model_type " + type);
        };
        try {
            Files.createDirectories(target);
            Files.copy(configFile, target.resolve("config.json"), StandardCopyOption.REPLACE_EXISTING);
            for (String file : files) {
                Path source = filesDir.resolve(file);
                if (Files.exists(source)) {
                    Files.copy(source, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SafeTensorsWriter.write(target.resolve("model.safetensors"), weights.tensors(), 1234);
        return target;
    }

    /** {@code BertModel}'s tensors without the pooler, as sentence-transformers checkpoints store them. */
    static RandomWeights bert(ConfigJson c) {
        float std = c.floatOr("initializer_range", 0.02f);
        RandomWeights w = new RandomWeights(std, 1, std);
        int d = c.requireInt("hidden_size");
        w.normal("embeddings.word_embeddings.weight", c.requireInt("vocab_size"), d);
        w.normal("embeddings.position_embeddings.weight", c.requireInt("max_position_embeddings"), d);
        w.normal("embeddings.token_type_embeddings.weight", c.requireInt("type_vocab_size"), d);
        w.norm("embeddings.LayerNorm.", d);
        int inner = c.requireInt("intermediate_size");
        for (int i = 0; i < c.requireInt("num_hidden_layers"); i++) {
            w.bertLayer("encoder.layer." + i + ".", d, inner, 0);
        }
        return w;
    }
}
