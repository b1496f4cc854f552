package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Weights;

/**
 * A pre-norm decoder layer: causal self-attention, cross-attention over the encoder output ({@code encoder_attn}),
 * feed-forward; each as {@code x + block(ln(x))}.
 */
final class WhisperDecoderLayer {

    private final LayerNorm selfAttentionNorm;
    private final WhisperAttention selfAttention;
    private final LayerNorm crossAttentionNorm;
    private final WhisperAttention crossAttention;
    private final LayerNorm feedForwardNorm;
    private final WhisperFeedForward feedForward;

    WhisperDecoderLayer(Weights layer, int heads) {
        this.selfAttentionNorm = new LayerNorm(layer.at("self_attn_layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.selfAttention = WhisperAttention.selfAttention(layer.at("self_attn."), heads);
        this.crossAttentionNorm = new LayerNorm(layer.at("encoder_attn_layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.crossAttention = WhisperAttention.crossAttention(layer.at("encoder_attn."), heads);
        this.feedForwardNorm = new LayerNorm(layer.at("final_layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.feedForward = new WhisperFeedForward(layer);
    }

    void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        crossAttention.prefillCross(encoderHidden, cache);
    }

    int feedForwardSize() {
        return feedForward.innerSize();
    }

    /**
     * @param causalMask additive mask over the cached and new positions, or null for a single new position
     * @param cache this layer's keys/values, or null to attend only within {@code hidden}
     */
    NDArray forward(NDArray hidden, NDArray causalMask, NDArray encoderHidden, KvCache.Layer cache) {
        NDArray x = hidden.add(selfAttention.selfAttend(selfAttentionNorm.forward(hidden), causalMask, cache));
        x = x.add(crossAttention.crossAttend(crossAttentionNorm.forward(x), encoderHidden, cache));
        return x.add(feedForward.forward(feedForwardNorm.forward(x)));
    }
}
