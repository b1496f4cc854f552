package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.Weights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random weights with a BLIP checkpoint's names and shapes for a configuration, for benchmarks of
 * full-size models without downloading them and for tests that need ordinary-sized weights. Normal
 * values (std 0.05, layer-norm scales around 1), never constants, which could produce denormals.
 */
final class RandomBlipWeights {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private RandomBlipWeights(NDManager manager) {
        this.manager = manager;
    }

    static Weights create(BlipConfig config, NDManager manager) {
        RandomBlipWeights weights = new RandomBlipWeights(manager);
        weights.vision(config.vision());
        weights.text(config.text());
        return Weights.of(weights.arrays, manager);
    }

    private void vision(BlipConfig.Vision v) {
        String embeddings = "vision_model.embeddings.";
        int d = v.hiddenSize();
        normal(embeddings + "class_embedding", 1, 1, d);
        normal(embeddings + "patch_embedding.weight", d, 3, v.patchSize(), v.patchSize());
        normal(embeddings + "patch_embedding.bias", d);
        normal(embeddings + "position_embedding", 1, v.sequenceLength(), d);
        for (int i = 0; i < v.layers(); i++) {
            String layer = "vision_model.encoder.layers." + i + ".";
            layerNorm(layer + "layer_norm1.", d);
            linear(layer + "self_attn.qkv.", 3 * d, d);
            linear(layer + "self_attn.projection.", d, d);
            layerNorm(layer + "layer_norm2.", d);
            linear(layer + "mlp.fc1.", v.intermediateSize(), d);
            linear(layer + "mlp.fc2.", d, v.intermediateSize());
        }
        layerNorm("vision_model.post_layernorm.", d);
    }

    private void text(BlipConfig.Text t) {
        String bert = "text_decoder.bert.";
        int d = t.hiddenSize();
        normal(bert + "embeddings.word_embeddings.weight", t.vocabSize(), d);
        normal(bert + "embeddings.position_embeddings.weight", t.maxPositions(), d);
        layerNorm(bert + "embeddings.LayerNorm.", d);
        for (int i = 0; i < t.layers(); i++) {
            String layer = bert + "encoder.layer." + i + ".";
            attention(layer + "attention.", d, d);
            attention(layer + "crossattention.", d, t.encoderHiddenSize());
            linear(layer + "intermediate.dense.", t.intermediateSize(), d);
            linear(layer + "output.dense.", d, t.intermediateSize());
            layerNorm(layer + "output.LayerNorm.", d);
        }
        linear("text_decoder.cls.predictions.transform.dense.", d, d);
        layerNorm("text_decoder.cls.predictions.transform.LayerNorm.", d);
        normal("text_decoder.cls.predictions.bias", t.vocabSize());
    }

    private void attention(String prefix, int width, int keyWidth) {
        linear(prefix + "self.query.", width, width);
        linear(prefix + "self.key.", width, keyWidth);
        linear(prefix + "self.value.", width, keyWidth);
        linear(prefix + "output.dense.", width, width);
        layerNorm(prefix + "output.LayerNorm.", width);
    }

    private void linear(String prefix, int out, int in) {
        normal(prefix + "weight", out, in);
        normal(prefix + "bias", out);
    }

    private void layerNorm(String prefix, int width) {
        arrays.put(prefix + "weight", random(width).addi(1));
        normal(prefix + "bias", width);
    }

    private void normal(String name, long... shape) {
        arrays.put(name, random(shape));
    }

    private NDArray random(long... shape) {
        return manager.randomNormal(0, 0.05f, new Shape(shape), DataType.FLOAT32);
    }
}
