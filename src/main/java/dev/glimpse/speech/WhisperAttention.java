package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.Linear;
import dev.glimpse.ml.QkvAttention;
import dev.glimpse.ml.Weights;

/**
 * Whisper's multi-head attention: {@code q_proj}, {@code k_proj} (no bias), {@code v_proj}, scaled dot-product
 * over heads, {@code out_proj}. Used as encoder self-attention, causal decoder self-attention with a growing
 * key/value cache, and cross-attention whose keys/values come from the encoder output once per clip.
 */
final class WhisperAttention {

    private final QkvAttention attention;
    private final Linear out;

    private WhisperAttention(QkvAttention attention, Weights w) {
        this.attention = attention;
        this.out = new Linear(w.at("out_proj."));
    }

    /** {@code self_attn}: encoder or causal decoder self-attention. */
    static WhisperAttention selfAttention(Weights w, int heads) {
        return new WhisperAttention(QkvAttention.selfAttention(query(w), key(w), value(w), heads), w);
    }

    /** {@code encoder_attn}: the decoder's attention over the encoder output. */
    static WhisperAttention crossAttention(Weights w, int heads) {
        return new WhisperAttention(QkvAttention.crossAttention(query(w), key(w), value(w), heads), w);
    }

    private static Linear query(Weights w) {
        return new Linear(w.at("q_proj."));
    }

    private static Linear key(Weights w) {
        return new Linear(w.at("k_proj."));
    }

    private static Linear value(Weights w) {
        return new Linear(w.at("v_proj."));
    }

    /** Self-attention of {@code hidden} [b, t, d]; with a cache, over the cached positions too. */
    NDArray selfAttend(NDArray hidden, NDArray mask, KvCache.Layer cache) {
        return out.forward(attention.selfAttend(hidden, mask, cache));
    }

    /** Computes the keys/values over the encoder output into {@code cache} now (see {@link #crossAttend}). */
    void prefillCross(NDArray encoderHidden, KvCache.Layer cache) {
        attention.prefillCross(encoderHidden, cache);
    }

    /** AttentionOps of {@code hidden} over the encoder output; keys/values are computed once and kept in the cache. */
    NDArray crossAttend(NDArray hidden, NDArray encoderHidden, KvCache.Layer cache) {
        return out.forward(attention.crossAttend(hidden, encoderHidden, null, cache));
    }
}
