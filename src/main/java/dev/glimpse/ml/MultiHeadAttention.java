package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * BERT's attention sub-layer: {@code self.{query,key,value}} projections, scaled dot-product attention over heads,
 * then {@code output.dense}, residual and {@code output.LayerNorm}.
 */
final class MultiHeadAttention {

    private final QkvAttention attention;
    private final Linear dense;
    private final LayerNorm norm;

    MultiHeadAttention(Weights w, int heads, float eps) {
        this.attention = new QkvAttention(
                new Linear(w.at("self.query.")), new Linear(w.at("self.key.")), new Linear(w.at("self.value.")), heads);
        this.dense = new Linear(w.at("output.dense."));
        this.norm = new LayerNorm(w.at("output.LayerNorm."), eps);
    }

    NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        return project(attention.selfAttend(hidden, mask, cache), hidden);
    }

    NDArray crossAttend(NDArray hidden, NDArray encoderHidden, NDArray mask, KvCache.Layer cache) {
        return project(attention.crossAttend(hidden, encoderHidden, mask, cache), hidden);
    }

    void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        attention.prefillCross(encoderHidden, cache);
    }

    private NDArray project(NDArray context, NDArray residual) {
        return norm.forward(dense.forward(context).addi(residual));
    }
}
