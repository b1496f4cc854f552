package dev.glimpse.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.bench.SafeTensorsWriter.RandomTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A model folder with random weights for a Hugging Face configuration: the configuration as {@code config.json},
 * a {@code model.safetensors} whose tensors have the real checkpoint's names and shapes (weights and biases
 * N(0, init_std²), layer-norm scales N(1, init_std²), as an initializer draws them), and the tokenizer,
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

    private final List<RandomTensor> tensors = new ArrayList<>();
    private final float std;

    private RandomCheckpoint(float std) {
        this.std = std;
    }

    /** Writes the folder {@code target} for {@code configFile}, copying {@code files} that exist in {@code filesDir}. */
    public static Path write(Path configFile, Path filesDir, List<String> files, Path target) {
        JsonObject config = read(configFile);
        String type = config.get("model_type").getAsString();
        List<RandomTensor> tensors = switch (type) {
            case "whisper" -> whisper(config);
            case "bert" -> bert(config);
            case "blip" -> blip(config);
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
        SafeTensorsWriter.write(target.resolve("model.safetensors"), tensors, 1234);
        return target;
    }

    /** {@code WhisperForConditionalGeneration}'s tensors ({@code proj_out} tied, not stored). */
    static List<RandomTensor> whisper(JsonObject c) {
        RandomCheckpoint w = new RandomCheckpoint(floatOr(c, "init_std", 0.02f));
        int d = c.get("d_model").getAsInt();
        String encoder = "model.encoder.";
        w.linear(encoder + "conv1.", d, c.get("num_mel_bins").getAsInt(), 3);
        w.linear(encoder + "conv2.", d, d, 3);
        w.normal(
                encoder + "embed_positions.weight",
                c.get("max_source_positions").getAsInt(),
                d);
        for (int i = 0; i < c.get("encoder_layers").getAsInt(); i++) {
            String layer = encoder + "layers." + i + ".";
            w.whisperAttention(layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            w.feedForward(layer, d, c.get("encoder_ffn_dim").getAsInt());
        }
        w.norm(encoder + "layer_norm.", d);
        String decoder = "model.decoder.";
        w.normal(decoder + "embed_tokens.weight", c.get("vocab_size").getAsInt(), d);
        w.normal(
                decoder + "embed_positions.weight",
                c.get("max_target_positions").getAsInt(),
                d);
        for (int i = 0; i < c.get("decoder_layers").getAsInt(); i++) {
            String layer = decoder + "layers." + i + ".";
            w.whisperAttention(layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            w.whisperAttention(layer + "encoder_attn.", d).norm(layer + "encoder_attn_layer_norm.", d);
            w.feedForward(layer, d, c.get("decoder_ffn_dim").getAsInt());
        }
        w.norm(decoder + "layer_norm.", d);
        return w.tensors;
    }

    /** {@code BertModel}'s tensors without the pooler, as sentence-transformers checkpoints store them. */
    static List<RandomTensor> bert(JsonObject c) {
        RandomCheckpoint w = new RandomCheckpoint(floatOr(c, "initializer_range", 0.02f));
        int d = c.get("hidden_size").getAsInt();
        w.normal("embeddings.word_embeddings.weight", c.get("vocab_size").getAsInt(), d);
        w.normal(
                "embeddings.position_embeddings.weight",
                c.get("max_position_embeddings").getAsInt(),
                d);
        w.normal(
                "embeddings.token_type_embeddings.weight",
                c.get("type_vocab_size").getAsInt(),
                d);
        w.norm("embeddings.LayerNorm.", d);
        int inner = c.get("intermediate_size").getAsInt();
        for (int i = 0; i < c.get("num_hidden_layers").getAsInt(); i++) {
            String layer = "encoder.layer." + i + ".";
            w.bertAttention(layer + "attention.", d, d);
            w.linear(layer + "intermediate.dense.", inner, d);
            w.linear(layer + "output.dense.", d, inner).norm(layer + "output.LayerNorm.", d);
        }
        return w.tensors;
    }

    /**
     * {@code BlipForConditionalGeneration}'s captioning tensors (the LM head's decoder weight tied, not stored). All
     * weights use the text model's initializer range: the vision configuration's 1e-10 would make the image
     * features vanish, and the timing should reflect activations of ordinary magnitude.
     */
    static List<RandomTensor> blip(JsonObject c) {
        JsonObject vision = c.getAsJsonObject("vision_config");
        JsonObject text = c.getAsJsonObject("text_config");
        RandomCheckpoint w = new RandomCheckpoint(floatOr(text, "initializer_range", 0.02f));
        int dv = vision.get("hidden_size").getAsInt();
        int patch = vision.get("patch_size").getAsInt();
        int patches = vision.get("image_size").getAsInt() / patch;
        String v = "vision_model.";
        w.normal(v + "embeddings.class_embedding", 1, 1, dv);
        w.linear(v + "embeddings.patch_embedding.", dv, 3, patch, patch);
        w.normal(v + "embeddings.position_embedding", 1, (long) patches * patches + 1, dv);
        int visionInner = vision.get("intermediate_size").getAsInt();
        for (int i = 0; i < vision.get("num_hidden_layers").getAsInt(); i++) {
            String layer = v + "encoder.layers." + i + ".";
            w.linear(layer + "self_attn.qkv.", 3L * dv, dv).linear(layer + "self_attn.projection.", dv, dv);
            w.norm(layer + "layer_norm1.", dv).norm(layer + "layer_norm2.", dv);
            w.linear(layer + "mlp.fc1.", visionInner, dv).linear(layer + "mlp.fc2.", dv, visionInner);
        }
        w.norm(v + "post_layernorm.", dv);
        blipTextDecoder(w, text, dv);
        return w.tensors;
    }

    private static void blipTextDecoder(RandomCheckpoint w, JsonObject text, int encoderWidth) {
        int d = text.get("hidden_size").getAsInt();
        int vocab = text.get("vocab_size").getAsInt();
        String bert = "text_decoder.bert.";
        w.normal(bert + "embeddings.word_embeddings.weight", vocab, d);
        w.normal(
                bert + "embeddings.position_embeddings.weight",
                text.get("max_position_embeddings").getAsInt(),
                d);
        w.norm(bert + "embeddings.LayerNorm.", d);
        int inner = text.get("intermediate_size").getAsInt();
        for (int i = 0; i < text.get("num_hidden_layers").getAsInt(); i++) {
            String layer = bert + "encoder.layer." + i + ".";
            w.bertAttention(layer + "attention.", d, d).bertAttention(layer + "crossattention.", d, encoderWidth);
            w.linear(layer + "intermediate.dense.", inner, d);
            w.linear(layer + "output.dense.", d, inner).norm(layer + "output.LayerNorm.", d);
        }
        String head = "text_decoder.cls.predictions.";
        w.normal(head + "bias", vocab);
        w.linear(head + "transform.dense.", d, d).norm(head + "transform.LayerNorm.", d);
    }

    private RandomCheckpoint bertAttention(String prefix, int d, int keyWidth) {
        linear(prefix + "self.query.", d, d);
        linear(prefix + "self.key.", d, keyWidth);
        linear(prefix + "self.value.", d, keyWidth);
        return linear(prefix + "output.dense.", d, d).norm(prefix + "output.LayerNorm.", d);
    }

    private RandomCheckpoint whisperAttention(String prefix, int d) {
        for (String projection : List.of("q_proj.", "k_proj.", "v_proj.", "out_proj.")) {
            normal(prefix + projection + "weight", d, d);
            if (!projection.equals("k_proj.")) {
                normal(prefix + projection + "bias", d);
            }
        }
        return this;
    }

    private RandomCheckpoint feedForward(String layer, int d, int inner) {
        linear(layer + "fc1.", inner, d);
        linear(layer + "fc2.", d, inner);
        return norm(layer + "final_layer_norm.", d);
    }

    private RandomCheckpoint linear(String prefix, long... weightShape) {
        normal(prefix + "weight", weightShape);
        return normal(prefix + "bias", weightShape[0]);
    }

    private RandomCheckpoint norm(String prefix, int width) {
        tensors.add(new RandomTensor(prefix + "weight", new long[] {width}, 1, std));
        return normal(prefix + "bias", width);
    }

    private RandomCheckpoint normal(String name, long... shape) {
        tensors.add(new RandomTensor(name, shape, 0, std));
        return this;
    }

    private static float floatOr(JsonObject json, String key, float fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsFloat() : fallback;
    }

    private static JsonObject read(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
