package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The part of multi-head attention every model shares: query/key/value projections, heads split, scaled dot-product
 * attention and heads merged again, as self-attention (optionally causal, with keys/values appended to a cache) or
 * as cross-attention (keys/values of the encoder output computed once and kept in the cache). Each model adds its
 * own output projection, residual and normalisation around it.
 *
 * <p>Built for one of the two roles, with its projections arranged for it at load time: self-attention stacks
 * query, key and value into one matrix product; cross-attention keeps the query apart (the only projection a
 * decoding step runs) and stacks key and value (run once over the encoder output). The 1/√dh scaling of the scores
 * is folded into the query projection. Per decoding step and layer that is 6 native operations fewer than three
 * projections split one by one, a scaling pass and a transpose of the cached cross-attention keys — a step is
 * hundreds of such small operations, each costing more in call overhead than in arithmetic.
 */
public final class QkvAttention {

    private final Linear stacked;
    private final Linear query;
    private final int heads;

    private QkvAttention(Linear stacked, Linear query, int heads) {
        this.stacked = stacked;
        this.query = query;
        this.heads = heads;
    }

    /** Self-attention: query, key and value stacked into one layer (their arrays are closed, see {@link Linear}). */
    public static QkvAttention selfAttention(Linear query, Linear key, Linear value, int heads) {
        return new QkvAttention(Linear.stack(List.of(scaledQuery(query, heads), key, value)), null, heads);
    }

    /** Cross-attention: key and value stacked, the query apart (their arrays are closed, see {@link Linear}). */
    public static QkvAttention crossAttention(Linear query, Linear key, Linear value, int heads) {
        return new QkvAttention(Linear.stack(List.of(key, value)), scaledQuery(query, heads), heads);
    }

    private static Linear scaledQuery(Linear query, int heads) {
        if (query.outFeatures() % heads != 0) {
            throw new IllegalArgumentException(
                    "Width " + query.outFeatures() + " is not divisible by " + heads + " heads");
        }
        return query.scaled((float) (1.0 / Math.sqrt(query.outFeatures() / heads)));
    }

    /** Self-attention of {@code hidden} [b, t, d]; with a cache, over the cached positions too. Returns [b, t, d]. */
    public NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        if (query != null) {
            throw new IllegalStateException("This attention was built for cross-attention");
        }
        NDArray[] qkv = AttentionOps.splitHeads(stacked.forward(hidden), heads, 3);
        NDArray k = qkv[1];
        NDArray v = qkv[2];
        if (cache != null) {
            NDArray[] all = cache.appendSelf(k, v);
            k = all[0];
            v = all[1];
        }
        return AttentionOps.mergeHeads(ScaledAttention.attend(qkv[0], AttentionOps.transposeKeys(k), v, mask));
    }

    /**
     * Computes the cross-attention keys/values of {@code encoderHidden} into {@code cache} now, so that the first
     * decoding step finds them there (benchmarks time this stage apart); nothing happens when they are cached.
     */
    public void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        if (!cache.hasCross()) {
            NDArray[] keysValues = crossKeysValues(encoderHidden);
            cache.setCross(keysValues[0], keysValues[1]);
        }
    }

    /** AttentionOps of {@code hidden} over {@code encoderHidden}; with a cache its keys/values are computed once. */
    public NDArray crossAttend(NDArray hidden, NDArray encoderHidden, NDArray mask, KvCache.Layer cache) {
        if (query == null) {
            throw new IllegalStateException("This attention was built for self-attention");
        }
        NDArray q = AttentionOps.splitHeads(query.forward(hidden), heads);
        NDArray keysTransposed;
        NDArray values;
        if (cache != null && cache.hasCross()) {
            keysTransposed = cache.crossKeysTransposed();
            values = cache.crossValues();
        } else {
            NDArray[] keysValues = crossKeysValues(encoderHidden);
            keysTransposed = keysValues[0];
            values = keysValues[1];
            if (cache != null) {
                cache.setCross(keysTransposed, values);
            }
        }
        return AttentionOps.mergeHeads(ScaledAttention.attend(q, keysTransposed, values, mask));
    }

    /** [keys transposed [b, h, dh, s], values [b, h, s, dh]] of the encoder output. */
    private NDArray[] crossKeysValues(NDArray encoderHidden) {
        NDArray[] kv = AttentionOps.splitHeads(stacked.forward(encoderHidden), heads, 2);
        return new NDArray[] {AttentionOps.transposeKeys(kv[0]), kv[1]};
    }
}
