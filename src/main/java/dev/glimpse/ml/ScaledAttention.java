package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Scaled dot-product attention for queries already scaled and keys already transposed, as {@link QkvAttention}
 * prepares them. Short sequences (decoding steps, captions, the vision encoder's 577 positions) are computed for all
 * heads at once; long ones (Whisper's 1,500 audio positions) in groups of heads and blocks of queries, so that no
 * intermediate outgrows the C allocator's reusable memory or the processor's cache.
 */
public final class ScaledAttention {

    /**
     * The most bytes of attention scores computed at once: above it, {@link #attend} works through groups of heads.
     * glibc serves allocations above 32 MB with fresh pages from the kernel every time (its mmap threshold cannot
     * rise above that), and a Whisper encoder layer's scores are 72 MB (8 heads × 1,500²); in groups of 16 MB the
     * memory is reused from the heap and stays closer to the cores (measured by {@code bench}; see README,
     * *Benchmark the models*).
     */
    static final long SCORES_BYTES_PER_GROUP = 16L << 20;

    /**
     * Within such a group, the most bytes of scores per block of queries: a block's scores are written, normalised
     * and read again while still in cache.
     */
    static final long SCORES_BYTES_PER_BLOCK = 4L << 20;

    private ScaledAttention() {}

    /**
     * {@code softmax(q kᵀ + mask) v} for queries already scaled by 1/√dh (folded into the query projection, see
     * {@link Linear#scaled}) and keys given transposed, kᵀ [b, h, dh, tk]: the cross-attention keys are transposed
     * once per request instead of at every step.
     *
     * @param additiveMask nullable, broadcastable to [b, h, tq, tk]
     * @return [b, h, tq, dh]
     */
    public static NDArray attend(NDArray scaledQueries, NDArray keysTransposed, NDArray values, NDArray additiveMask) {
        Shape shape = scaledQueries.getShape();
        long heads = shape.get(1);
        long scoresPerHead =
                shape.get(0) * shape.get(2) * keysTransposed.getShape().get(3) * Float.BYTES;
        long groups = groupsOf(heads, scoresPerHead);
        boolean maskPerHead = additiveMask != null && additiveMask.getShape().get(1) != 1;
        if (groups == 1 || maskPerHead) {
            return attendAll(scaledQueries, keysTransposed, values, additiveMask);
        }
        NDList queries = scaledQueries.split(groups, 1);
        NDList keys = keysTransposed.split(groups, 1);
        NDList vals = values.split(groups, 1);
        NDList contexts = new NDList((int) groups);
        long blocks = additiveMask == null || additiveMask.getShape().get(2) == 1
                ? Math.ceilDiv(heads / groups * scoresPerHead, SCORES_BYTES_PER_BLOCK)
                : 1;
        for (int g = 0; g < groups; g++) {
            NDArray groupQueries = dense(queries.get(g));
            NDArray groupKeys = dense(AttentionOps.transposeKeys(keys.get(g)));
            NDArray groupValues = dense(vals.get(g));
            contexts.add(attendInBlocks(
                    groupQueries, AttentionOps.transposeKeys(groupKeys), groupValues, additiveMask, blocks));
            groupQueries.close();
            groupKeys.close();
            groupValues.close();
        }
        NDArray context = NDArrays.concat(contexts, 1);
        for (NDList list : List.of(queries, keys, vals, contexts)) {
            list.close();
        }
        return context;
    }

    /**
     * A dense copy of a head group cut out of the stacked projections' output, where each position's 64 values of a
     * head lie 6 KB from the next position's: the products then read whole cache lines in order. Copying a group
     * costs far less than the products save.
     */
    private static NDArray dense(NDArray view) {
        return view.duplicate();
    }

    /** AttentionOps of query blocks one after another: a block's scores stay in the processor's cache. */
    private static NDArray attendInBlocks(
            NDArray scaledQueries, NDArray keysTransposed, NDArray values, NDArray additiveMask, long blocks) {
        long length = scaledQueries.getShape().get(2);
        if (blocks <= 1 || length < blocks) {
            return attendAll(scaledQueries, keysTransposed, values, additiveMask);
        }
        long[] bounds = new long[(int) blocks - 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = length * (i + 1) / blocks;
        }
        NDList queryBlocks = scaledQueries.split(bounds, 2);
        NDList contexts = new NDList(queryBlocks.size());
        for (NDArray queries : queryBlocks) {
            contexts.add(attendAll(queries, keysTransposed, values, additiveMask));
        }
        NDArray context = NDArrays.concat(contexts, 2);
        queryBlocks.close();
        contexts.close();
        return context;
    }

    /** The fewest equal groups of heads whose scores stay within {@link #SCORES_BYTES_PER_GROUP} (1: all at once). */
    static long groupsOf(long heads, long scoresPerHead) {
        for (long groups = 1; groups < heads; groups++) {
            if (heads % groups == 0 && heads / groups * scoresPerHead <= SCORES_BYTES_PER_GROUP) {
                return groups;
            }
        }
        return heads;
    }

    /**
     * The scores and probabilities are closed as soon as they are used: the next group then reuses their memory
     * instead of asking the system for fresh pages (they would otherwise live until the layer's scope closes).
     */
    private static NDArray attendAll(
            NDArray scaledQueries, NDArray keysTransposed, NDArray values, NDArray additiveMask) {
        NDArray scores = scaledQueries.matMul(keysTransposed);
        if (additiveMask != null) {
            scores.addi(additiveMask);
        }
        NDArray probabilities = scores.softmax(-1);
        scores.close();
        NDArray context = probabilities.matMul(values);
        probabilities.close();
        return context;
    }
}
