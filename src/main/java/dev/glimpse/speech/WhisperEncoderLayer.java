package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Weights;

/** A pre-norm encoder layer: {@code x + self_attn(ln(x))}, then {@code x + ffn(ln(x))}. */
final class WhisperEncoderLayer {

    private final LayerNorm selfAttentionNorm;
    private final WhisperAttention selfAttention;
    private final LayerNorm feedForwardNorm;
    private final WhisperFeedForward feedForward;

    WhisperEncoderLayer(Weights layer, int heads) {
        this.selfAttentionNorm = new LayerNorm(layer.at("self_attn_layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.selfAttention = WhisperAttention.selfAttention(layer.at("self_attn."), heads);
        this.feedForwardNorm = new LayerNorm(layer.at("final_layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.feedForward = new WhisperFeedForward(layer);
    }

    int feedForwardSize() {
        return feedForward.innerSize();
    }

    NDArray forward(NDArray hidden) {
        NDArray attended = hidden.add(selfAttention.selfAttend(selfAttentionNorm.forward(hidden), null, null));
        return attended.add(feedForward.forward(feedForwardNorm.forward(attended)));
    }
}
