package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * BERT's attention sub-layer: {@code self.{query,key,value}} projections, scaled dot-product attention over heads,
 * then {@code output.dense}, residual and {@code output.LayerNorm}.
 */
final class MultiHeadAttention {

    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear dense;
    private final LayerNorm norm;
    private final int heads;

    MultiHeadAttention(Weights w, int heads, float eps) {
        this.query = new Linear(w.at("self.query."));
        this.key = new Linear(w.at("self.key."));
        this.value = new Linear(w.at("self.value."));
        this.dense = new Linear(w.at("output.dense."));
        this.norm = new LayerNorm(w.at("output.LayerNorm."), eps);
        this.heads = heads;
    }

    NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        NDArray q = Attention.splitHeads(query.forward(hidden), heads);
        NDArray k = Attention.splitHeads(key.forward(hidden), heads);
        NDArray v = Attention.splitHeads(value.forward(hidden), heads);
        if (cache != null) {
            NDArray[] all = cache.appendSelf(k, v);
            k = all[0];
            v = all[1];
        }
        return project(Attention.scaledDotProduct(q, k, v, mask), hidden);
    }

    NDArray crossAttend(NDArray hidden, NDArray encoderHidden, NDArray mask, KvCache.Layer cache) {
        NDArray q = Attention.splitHeads(query.forward(hidden), heads);
        NDArray k;
        NDArray v;
        if (cache != null && cache.hasCross()) {
            k = cache.crossKeys();
            v = cache.crossValues();
        } else {
            k = Attention.splitHeads(key.forward(encoderHidden), heads);
            v = Attention.splitHeads(value.forward(encoderHidden), heads);
            if (cache != null) {
                cache.setCross(k, v);
            }
        }
        return project(Attention.scaledDotProduct(q, k, v, mask), hidden);
    }

    private NDArray project(NDArray context, NDArray residual) {
        return norm.forward(dense.forward(Attention.mergeHeads(context)).addi(residual));
    }
}
