package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * One post-norm BERT transformer layer as transformers' {@code BertLayer} and BLIP's {@code BlipTextLayer}:
 * self-attention, optional cross-attention over an encoder output (present when the checkpoint has
 * {@code crossattention.*}), and a GELU feed-forward network, each followed by a residual and layer norm.
 * Tensor names are the checkpoint's, relative to the layer ({@code attention.self.query.weight}, …).
 */
public final class BertLayer {

    private final BertAttention selfAttention;
    private final BertAttention crossAttention;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;

    public BertLayer(Weights layer, int heads, float eps) {
        this.selfAttention = BertAttention.selfAttention(layer.at("attention."), heads, eps);
        this.crossAttention = layer.has("crossattention.self.query.weight")
                ? BertAttention.crossAttention(layer.at("crossattention."), heads, eps)
                : null;
        this.intermediate = new Linear(layer.at("intermediate.dense."));
        this.output = new Linear(layer.at("output.dense."));
        this.outputNorm = new LayerNorm(layer.at("output.LayerNorm."), eps);
    }

    /** Whether this layer attends to an encoder output (BLIP's text decoder). */
    public boolean hasCrossAttention() {
        return crossAttention != null;
    }

    /** Computes this layer's cross-attention keys/values over {@code encoderHidden} into {@code cache}. */
    public void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        if (crossAttention != null) {
            crossAttention.prefillCross(encoderHidden, cache);
        }
    }

    /**
     * @param hidden [b, t, d]; with a cache, only the new positions
     * @param selfMask additive mask broadcastable to [b, h, t, cached + t], or null
     * @param encoderHidden [b, s, e] for cross-attention, or null to skip it
     * @param crossMask additive mask broadcastable to [b, h, t, s], or null
     * @param cache this layer's cache during incremental decoding, or null
     * @return [b, t, d]
     */
    public NDArray forward(
            NDArray hidden, NDArray selfMask, NDArray encoderHidden, NDArray crossMask, KvCache.Layer cache) {
        NDArray attended = selfAttention.selfAttend(hidden, selfMask, cache);
        if (crossAttention != null && encoderHidden != null) {
            attended = crossAttention.crossAttend(attended, encoderHidden, crossMask, cache);
        }
        NDArray inner = Activations.gelu(intermediate.forward(attended));
        return outputNorm.forward(output.forward(inner).addi(attended));
    }
}
