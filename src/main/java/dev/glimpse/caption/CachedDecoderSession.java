package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.StageTimings;
import java.util.Arrays;

/**
 * Incremental decoding: each step feeds only the new token of every row; self-attention keys and
 * values grow in a {@link KvCache}, cross-attention keys and values over the image are computed when
 * the session opens and reused. The cache lives on the session's manager, closed with the session; each
 * step's other arrays are freed when the step ends.
 */
final class CachedDecoderSession extends ImageConditionedSession {

    private final KvCache cache;
    private long pastLength;

    CachedDecoderSession(BlipTextDecoder decoder, NDArray imageEmbeds, StageTimings timings) {
        super(decoder, imageEmbeds, timings);
        this.cache = new KvCache(decoder.layerCount());
        long start = timings.start();
        // The image's keys/values are one large matrix product per layer: computed here, with the threads every
        // other operation gets, rather than in the first step, which may run with fewer (ModelOptions.decoding).
        decoder.prefillCross(imageEmbeds, cache);
        timings.end(CaptionStages.CROSS_KV, start);
        cache.attach(manager);
    }

    @Override
    public float[][] next(int[] tokens) {
        long[] ids = Arrays.stream(tokens).asLongStream().toArray();
        try (NDManager step = manager.newSubManager()) {
            // Ops whose first operand is a cached array (the keys' transpose) attach their result to the
            // cache's manager: keep the cache on the step's manager while the step runs.
            cache.attach(step);
            NDArray input = step.create(ids, new Shape(tokens.length, 1));
            float[][] logits = lastLogits(input, pastLength, cache);
            cache.attach(manager);
            pastLength++;
            return logits;
        }
    }

    @Override
    protected void keepRows(int[] rows, NDArray indices) {
        cache.reorder(indices);
    }
}
