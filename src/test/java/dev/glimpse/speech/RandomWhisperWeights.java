package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.Weights;
import java.util.HashMap;
import java.util.Map;

/** Random Whisper weights with the checkpoint's tensor names, for any configuration (real sizes included). */
final class RandomWhisperWeights {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new HashMap<>();

    private RandomWhisperWeights(NDManager manager) {
        this.manager = manager;
    }

    static Weights create(WhisperConfig config, int encoderFfn, int decoderFfn, NDManager manager) {
        RandomWhisperWeights weights = new RandomWhisperWeights(manager);
        int d = config.dModel();
        String encoder = "model.encoder.";
        weights.random(encoder + "conv1.weight", d, config.melBins(), 3).random(encoder + "conv1.bias", d);
        weights.random(encoder + "conv2.weight", d, d, 3).random(encoder + "conv2.bias", d);
        weights.random(encoder + "embed_positions.weight", config.maxSourcePositions(), d);
        for (int i = 0; i < config.encoderLayers(); i++) {
            String layer = encoder + "layers." + i + ".";
            weights.attention(layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            weights.feedForward(layer, d, encoderFfn).norm(layer + "final_layer_norm.", d);
        }
        weights.norm(encoder + "layer_norm.", d);
        String decoder = "model.decoder.";
        weights.random(decoder + "embed_tokens.weight", config.vocabSize(), d);
        weights.random(decoder + "embed_positions.weight", config.maxTargetPositions(), d);
        for (int i = 0; i < config.decoderLayers(); i++) {
            String layer = decoder + "layers." + i + ".";
            weights.attention(layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            weights.attention(layer + "encoder_attn.", d).norm(layer + "encoder_attn_layer_norm.", d);
            weights.feedForward(layer, d, decoderFfn).norm(layer + "final_layer_norm.", d);
        }
        weights.norm(decoder + "layer_norm.", d);
        return Weights.of(weights.arrays, manager);
    }

    private RandomWhisperWeights attention(String prefix, int d) {
        for (String projection : new String[] {"q_proj.", "k_proj.", "v_proj.", "out_proj."}) {
            random(prefix + projection + "weight", d, d);
            if (!projection.equals("k_proj.")) {
                random(prefix + projection + "bias", d);
            }
        }
        return this;
    }

    private RandomWhisperWeights feedForward(String layer, int d, int ffn) {
        return random(layer + "fc1.weight", ffn, d)
                .random(layer + "fc1.bias", ffn)
                .random(layer + "fc2.weight", d, ffn)
                .random(layer + "fc2.bias", d);
    }

    private RandomWhisperWeights norm(String prefix, int d) {
        arrays.put(prefix + "weight", manager.randomNormal(1, 0.1f, new Shape(d), DataType.FLOAT32));
        return random(prefix + "bias", d);
    }

    private RandomWhisperWeights random(String name, long... shape) {
        arrays.put(name, manager.randomNormal(0, 0.05f, new Shape(shape), DataType.FLOAT32));
        return this;
    }
}
