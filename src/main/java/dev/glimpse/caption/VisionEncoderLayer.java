package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.Activations;
import dev.glimpse.ml.AttentionOps;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Linear;
import dev.glimpse.ml.Weights;

/**
 * One pre-norm ViT layer of BLIP's vision encoder ({@code BlipEncoderLayer}): layer norm, attention
 * with a fused {@code self_attn.qkv} projection and {@code self_attn.projection}, residual; layer
 * norm, {@code mlp.fc1}, GELU, {@code mlp.fc2}, residual.
 */
final class VisionEncoderLayer {

    private final LayerNorm attentionNorm;
    private final Linear qkv;
    private final Linear projection;
    private final LayerNorm mlpNorm;
    private final Linear fc1;
    private final Linear fc2;
    private final int heads;

    VisionEncoderLayer(Weights layer, int heads, float eps) {
        this.attentionNorm = new LayerNorm(layer.at("layer_norm1."), eps);
        this.qkv = new Linear(layer.at("self_attn.qkv."));
        this.projection = new Linear(layer.at("self_attn.projection."));
        this.mlpNorm = new LayerNorm(layer.at("layer_norm2."), eps);
        this.fc1 = new Linear(layer.at("mlp.fc1."));
        this.fc2 = new Linear(layer.at("mlp.fc2."));
        this.heads = heads;
    }

    /** [b, t, d] → [b, t, d], a new array. */
    NDArray forward(NDArray hidden) {
        NDArray attended = selfAttention(attentionNorm.forward(hidden)).addi(hidden);
        NDArray inner = Activations.gelu(fc1.forward(mlpNorm.forward(attended)));
        return fc2.forward(inner).addi(attended);
    }

    private NDArray selfAttention(NDArray normed) {
        NDArray[] queryKeyValue = AttentionOps.splitHeads(qkv.forward(normed), heads, 3);
        NDArray context = AttentionOps.scaledDotProduct(queryKeyValue[0], queryKeyValue[1], queryKeyValue[2], null);
        return projection.forward(AttentionOps.mergeHeads(context));
    }
}
