package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.Attention;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.Linear;
import dev.glimpse.ml.Weights;

/**
 * Whisper's multi-head attention: {@code q_proj}, {@code k_proj} (no bias), {@code v_proj}, scaled dot-product
 * over heads, {@code out_proj}. Used as encoder self-attention, causal decoder self-attention with a growing
 * key/value cache, and cross-attention whose keys/values come from the encoder output once per clip.
 */
final class WhisperAttention {

    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear out;
    private final int heads;

    WhisperAttention(Weights w, int heads) {
        this.query = new Linear(w.at("q_proj."));
        this.key = new Linear(w.at("k_proj."));
        this.value = new Linear(w.at("v_proj."));
        this.out = new Linear(w.at("out_proj."));
        this.heads = heads;
    }

    /** Self-attention of {@code hidden} [b, t, d]; with a cache, over the cached positions too. */
    NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        NDArray q = Attention.splitHeads(query.forward(hidden), heads);
        NDArray k = Attention.splitHeads(key.forward(hidden), heads);
        NDArray v = Attention.splitHeads(value.forward(hidden), heads);
        if (cache != null) {
            NDArray[] all = cache.appendSelf(k, v);
            k = all[0];
            v = all[1];
        }
        return out.forward(Attention.mergeHeads(Attention.scaledDotProduct(q, k, v, mask)));
    }

    /** Attention of {@code hidden} over the encoder output; keys/values are computed once and kept in the cache. */
    NDArray crossAttend(NDArray hidden, NDArray encoderHidden, KvCache.Layer cache) {
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
        return out.forward(Attention.mergeHeads(Attention.scaledDotProduct(q, k, v, null)));
    }
}
