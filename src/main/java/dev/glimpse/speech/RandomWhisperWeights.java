package dev.glimpse.speech;

import dev.glimpse.ml.ConfigJson;
import dev.glimpse.ml.RandomWeights;

/**
 * {@code WhisperForConditionalGeneration}'s tensors with random values ({@code proj_out} tied, not stored), for any
 * configuration, real sizes included: for benchmarks without downloading a checkpoint and for tests of sizes no
 * fixture has.
 */
public final class RandomWhisperWeights {

    private RandomWhisperWeights() {}

    /** The tensors for {@code json} as an initializer draws them: N(0, init_std²), layer-norm scales N(1, init_std²). */
    public static RandomWeights initialized(ConfigJson json) {
        float std = json.floatOr("init_std", 0.02f);
        return layout(
                new RandomWeights(std, 1, std),
                WhisperConfig.parse(json),
                json.requireInt("encoder_ffn_dim"),
                json.requireInt("decoder_ffn_dim"));
    }

    /** Adds the tensors of {@code config} with feed-forward widths {@code encoderFfn}, {@code decoderFfn} to {@code w}. */
    static RandomWeights layout(RandomWeights w, WhisperConfig config, int encoderFfn, int decoderFfn) {
        int d = config.dModel();
        String encoder = "model.encoder.";
        w.linear(encoder + "conv1.", d, config.melBins(), 3);
        w.linear(encoder + "conv2.", d, d, 3);
        w.normal(encoder + "embed_positions.weight", config.maxSourcePositions(), d);
        for (int i = 0; i < config.encoderLayers(); i++) {
            String layer = encoder + "layers." + i + ".";
            attention(w, layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            feedForward(w, layer, d, encoderFfn);
        }
        w.norm(encoder + "layer_norm.", d);
        String decoder = "model.decoder.";
        w.normal(decoder + "embed_tokens.weight", config.vocabSize(), d);
        w.normal(decoder + "embed_positions.weight", config.maxTargetPositions(), d);
        for (int i = 0; i < config.decoderLayers(); i++) {
            String layer = decoder + "layers." + i + ".";
            attention(w, layer + "self_attn.", d).norm(layer + "self_attn_layer_norm.", d);
            attention(w, layer + "encoder_attn.", d).norm(layer + "encoder_attn_layer_norm.", d);
            feedForward(w, layer, d, decoderFfn);
        }
        return w.norm(decoder + "layer_norm.", d);
    }

    /** q, k, v and out projections; the key projection has no bias. */
    private static RandomWeights attention(RandomWeights w, String prefix, int d) {
        for (String projection : new String[] {"q_proj.", "k_proj.", "v_proj.", "out_proj."}) {
            w.normal(prefix + projection + "weight", d, d);
            if (!projection.equals("k_proj.")) {
                w.normal(prefix + projection + "bias", d);
            }
        }
        return w;
    }

    private static RandomWeights feedForward(RandomWeights w, String layer, int d, int inner) {
        w.linear(layer + "fc1.", inner, d);
        w.linear(layer + "fc2.", d, inner);
        return w.norm(layer + "final_layer_norm.", d);
    }
}
