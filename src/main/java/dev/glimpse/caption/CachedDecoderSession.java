package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import java.util.Arrays;

/**
 * Incremental decoding: each step feeds only the new token of every row; self-attention keys and
 * values grow in a {@link KvCache}, cross-attention keys and values over the image are computed at
 * the first step and reused. The cache lives on the session's manager, closed with the session; each
 * step's other arrays are freed when the step ends.
 */
final class CachedDecoderSession implements DecoderSession {

    private final BlipTextDecoder decoder;
    private final NDManager manager;
    private final KvCache cache;
    private NDArray imageEmbeds;
    private long pastLength;

    CachedDecoderSession(BlipTextDecoder decoder, NDArray imageEmbeds) {
        this.decoder = decoder;
        this.manager = imageEmbeds.getManager().newSubManager();
        this.cache = new KvCache(decoder.layerCount());
        this.imageEmbeds = imageEmbeds;
    }

    @Override
    public float[][] next(int[] tokens) {
        long[] ids = Arrays.stream(tokens).asLongStream().toArray();
        try (NDManager step = manager.newSubManager()) {
            // Ops whose first operand is a cached array (the keys' transpose) attach their result to the
            // cache's manager: keep the cache on the step's manager while the step runs.
            cache.attach(step);
            NDArray input = step.create(ids, new Shape(tokens.length, 1));
            NDArray logits = decoder.lastLogits(input, pastLength, imageEmbeds, cache);
            cache.attach(manager);
            pastLength++;
            return Rows.of(logits);
        }
    }

    @Override
    public void keepRows(int[] rows) {
        NDArray indices = manager.create(Arrays.stream(rows).asLongStream().toArray());
        cache.reorder(indices);
        imageEmbeds = imageEmbeds.get(indices);
        imageEmbeds.attach(manager);
        indices.close();
    }

    @Override
    public void close() {
        manager.close();
    }
}
