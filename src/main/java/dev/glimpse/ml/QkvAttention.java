package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * The part of multi-head attention every model shares: query/key/value projections, heads split, scaled dot-product
 * attention and heads merged again, as self-attention (optionally causal, with keys/values appended to a cache) or
 * as cross-attention (keys/values of the encoder output computed once and kept in the cache). Each model adds its
 * own output projection, residual and normalisation around it.
 */
public final class QkvAttention {

    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final int heads;

    public QkvAttention(Linear query, Linear key, Linear value, int heads) {
        this.query = query;
        this.key = key;
        this.value = value;
        this.heads = heads;
    }

    /** Self-attention of {@code hidden} [b, t, d]; with a cache, over the cached positions too. Returns [b, t, d]. */
    public NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        NDArray q = Attention.splitHeads(query.forward(hidden), heads);
        NDArray k = Attention.splitHeads(key.forward(hidden), heads);
        NDArray v = Attention.splitHeads(value.forward(hidden), heads);
        if (cache != null) {
            NDArray[] all = cache.appendSelf(k, v);
            k = all[0];
            v = all[1];
        }
        return Attention.mergeHeads(Attention.scaledDotProduct(q, k, v, mask));
    }

    /**
     * Computes the cross-attention keys/values of {@code encoderHidden} into {@code cache} now, so that the first
     * decoding step finds them there (benchmarks time this stage apart); nothing happens when they are cached.
     */
    public void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        if (!cache.hasCross()) {
            cache.setCross(
                    Attention.splitHeads(key.forward(encoderHidden), heads),
                    Attention.splitHeads(value.forward(encoderHidden), heads));
        }
    }

    /** Attention of {@code hidden} over {@code encoderHidden}; with a cache its keys/values are computed once. */
    public NDArray crossAttend(NDArray hidden, NDArray encoderHidden, NDArray mask, KvCache.Layer cache) {
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
        return Attention.mergeHeads(Attention.scaledDotProduct(q, k, v, mask));
    }
}
