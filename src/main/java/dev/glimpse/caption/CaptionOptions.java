package dev.glimpse.caption;

import dev.glimpse.ml.ModelOptions;

/**
 * How {@link BlipCaptioner} generates: at most {@code maxNewTokens} tokens after {@code [DEC]};
 * greedy decoding for {@code numBeams == 1}, beam search otherwise; incremental decoding with a
 * key/value cache, or recomputation of the whole prefix each step ({@code useKvCache = false}, for
 * benchmarks and cross-checks); and where the model runs.
 */
public record CaptionOptions(int maxNewTokens, int numBeams, boolean useKvCache, ModelOptions ml) {

    public CaptionOptions {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, not " + maxNewTokens);
        }
        if (numBeams < 1) {
            throw new IllegalArgumentException("numBeams must be at least 1, not " + numBeams);
        }
        ml = ml == null ? ModelOptions.defaults() : ml;
    }

    /** Greedy, 20 new tokens, with the cache, on the CPU. */
    public static CaptionOptions defaults() {
        return new CaptionOptions(20, 1, true, ModelOptions.defaults());
    }

    public CaptionOptions withMaxNewTokens(int tokens) {
        return new CaptionOptions(tokens, numBeams, useKvCache, ml);
    }

    public CaptionOptions withNumBeams(int beams) {
        return new CaptionOptions(maxNewTokens, beams, useKvCache, ml);
    }

    public CaptionOptions withKvCache(boolean enabled) {
        return new CaptionOptions(maxNewTokens, numBeams, enabled, ml);
    }
}
