package dev.glimpse.caption;

import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.ConfigJson;
import dev.glimpse.ml.RandomWeights;
import dev.glimpse.ml.Weights;

/**
 * {@code BlipForConditionalGeneration}'s captioning tensors with random values (the LM head's decoder weight tied,
 * not stored), for benchmarks of full-size models without downloading them and for tests that need
 * ordinary-sized weights. Normal values, never constants, which could produce denormals.
 */
public final class RandomBlipWeights {

    private RandomBlipWeights() {}

    /** The weights in memory: std 0.05, layer-norm scales around 1 with the same spread. */
    static Weights create(BlipConfig config, NDManager manager) {
        return layout(new RandomWeights(0.05f, 1, 0.05f), config).create(manager);
    }

    /**
     * The tensors for {@code json} as an initializer draws them. All use the text model's initializer range: the
     * vision configuration's 1e-10 would make the image features vanish, and a timing should reflect activations
     * of ordinary magnitude.
     */
    public static RandomWeights initialized(ConfigJson json) {
        float std = json.section("text_config").floatOr("initializer_range", 0.02f);
        return layout(new RandomWeights(std, 1, std), BlipConfig.parse(json));
    }

    private static RandomWeights layout(RandomWeights w, BlipConfig config) {
        BlipConfig.Vision vision = config.vision();
        int dv = vision.hiddenSize();
        String v = "vision_model.";
        w.normal(v + "embeddings.class_embedding", 1, 1, dv);
        w.linear(v + "embeddings.patch_embedding.", dv, 3, vision.patchSize(), vision.patchSize());
        w.normal(v + "embeddings.position_embedding", 1, vision.sequenceLength(), dv);
        for (int i = 0; i < vision.layers(); i++) {
            String layer = v + "encoder.layers." + i + ".";
            w.linear(layer + "self_attn.qkv.", 3L * dv, dv).linear(layer + "self_attn.projection.", dv, dv);
            w.norm(layer + "layer_norm1.", dv).norm(layer + "layer_norm2.", dv);
            w.linear(layer + "mlp.fc1.", vision.intermediateSize(), dv)
                    .linear(layer + "mlp.fc2.", dv, vision.intermediateSize());
        }
        w.norm(v + "post_layernorm.", dv);
        BlipConfig.Text text = config.text();
        int d = text.hiddenSize();
        String bert = "text_decoder.bert.";
        w.normal(bert + "embeddings.word_embeddings.weight", text.vocabSize(), d);
        w.normal(bert + "embeddings.position_embeddings.weight", text.maxPositions(), d);
        w.norm(bert + "embeddings.LayerNorm.", d);
        for (int i = 0; i < text.layers(); i++) {
            w.bertLayer(bert + "encoder.layer." + i + ".", d, text.intermediateSize(), text.encoderHiddenSize());
        }
        String head = "text_decoder.cls.predictions.";
        w.normal(head + "bias", text.vocabSize());
        return w.linear(head + "transform.dense.", d, d).norm(head + "transform.LayerNorm.", d);
    }
}
