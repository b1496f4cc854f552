package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * BERT's attention sub-layer: {@code self.{query,key,value}} projections, scaled dot-product attention over heads,
 * then {@code output.dense}, residual and {@code output.LayerNorm}.
 */
final class BertAttention {

    private final QkvAttention attention;
    private final Linear dense;
    private final LayerNorm norm;

    private BertAttention(QkvAttention attention, Weights w, float eps) {
        this.attention = attention;
        this.dense = new Linear(w.at("output.dense."));
        this.norm = new LayerNorm(w.at("output.LayerNorm."), eps);
    }

    /** BERT's {@code attention.*}: self-attention. */
    static BertAttention selfAttention(Weights w, int heads, float eps) {
        return new BertAttention(QkvAttention.selfAttention(query(w), key(w), value(w), heads), w, eps);
    }

    /** BLIP's {@code crossattention.*}: attention over an encoder output. */
    static BertAttention crossAttention(Weights w, int heads, float eps) {
        return new BertAttention(QkvAttention.crossAttention(query(w), key(w), value(w), heads), w, eps);
    }

    private static Linear query(Weights w) {
        return new Linear(w.at("self.query."));
    }

    private static Linear key(Weights w) {
        return new Linear(w.at("self.key."));
    }

    private static Linear value(Weights w) {
        return new Linear(w.at("self.value."));
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
