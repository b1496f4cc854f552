package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The scaled dot-product core of multi-head attention and its masks. Masks are additive: 0 where a query may attend
 * a key and {@link #MASKED} where it may not. {@code MASKED} is a large finite negative number (transformers uses
 * the float32 minimum) so that a row whose keys are all masked gives a uniform distribution instead of NaN, and
 * two masks can be summed without overflowing.
 */
public final class Attention {

    /** The additive mask value for a forbidden query/key pair. */
    public static final float MASKED = -1e30f;

    /**
     * The most bytes of attention scores computed at once: above it, {@link #attend} works through groups of heads.
     * glibc serves allocations above 32 MB with fresh pages from the kernel every time (its mmap threshold cannot
     * rise above that), so a Whisper encoder layer's 72 MB of scores (8 heads × 1,500²) paid ~20 ms of page faults
     * per pass; in groups of 16 MB the same memory is reused from the heap and stays in cache: 80 → 46 ms per layer
     * on the 2-core benchmark machine (see README, *Benchmark the models*).
     */
    static final long SCORES_BYTES_PER_GROUP = 16L << 20;

    /**
     * Within such a group, the most bytes of scores per block of queries: a block's scores are written, normalised
     * and read again while still in cache (Whisper's encoder attention: about 46 → 40 ms per layer).
     */
    static final long SCORES_BYTES_PER_BLOCK = 4L << 20;

    private Attention() {}

    /**
     * [b, t, h·dh] → [b, h, t, dh]. For one position (a decoding step) the transpose only moves an axis of length 1,
     * so a single reshape gives the same array: one native operation less per projection and step.
     */
    public static NDArray splitHeads(NDArray x, int heads) {
        Shape shape = x.getShape();
        long width = shape.get(2);
        if (width % heads != 0) {
            throw new IllegalArgumentException("Width " + width + " is not divisible by " + heads + " heads");
        }
        if (shape.get(1) == 1) {
            return x.reshape(shape.get(0), heads, 1, width / heads);
        }
        return x.reshape(shape.get(0), shape.get(1), heads, width / heads).transpose(0, 2, 1, 3);
    }

    /**
     * [b, t, parts·h·dh], the output of {@code parts} projections stacked by {@link Linear#stack}, → {@code parts}
     * arrays [b, h, t, dh]: a reshape (and for several positions a transpose) of the whole, then one split, instead
     * of splitting every projection's heads apart.
     */
    public static NDArray[] splitHeads(NDArray x, int heads, int parts) {
        Shape shape = x.getShape();
        long width = shape.get(2);
        if (width % ((long) heads * parts) != 0) {
            throw new IllegalArgumentException(
                    "Width " + width + " is not divisible into " + parts + " × " + heads + " heads");
        }
        long headSize = width / heads / parts;
        NDArray grouped = shape.get(1) == 1
                ? x.reshape(shape.get(0), (long) parts * heads, 1, headSize)
                : x.reshape(shape.get(0), shape.get(1), (long) parts * heads, headSize)
                        .transpose(0, 2, 1, 3);
        return grouped.split(parts, 1).toArray(new NDArray[0]);
    }

    /** [b, h, t, dh] → [b, t, h·dh]; for one position a single reshape, as in {@link #splitHeads}. */
    public static NDArray mergeHeads(NDArray x) {
        Shape shape = x.getShape();
        if (shape.get(2) == 1) {
            return x.reshape(shape.get(0), 1, shape.get(1) * shape.get(3));
        }
        return x.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), shape.get(1) * shape.get(3));
    }

    /**
     * {@code softmax(q kᵀ / √dh + mask) v} for q [b, h, tq, dh], k and v [b, h, tk, dh].
     *
     * @param additiveMask nullable, broadcastable to [b, h, tq, tk]
     * @return [b, h, tq, dh]
     */
    public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v, NDArray additiveMask) {
        double scale = 1.0 / Math.sqrt(q.getShape().get(3));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).muli(scale);
        if (additiveMask != null) {
            scores = scores.addi(additiveMask);
        }
        return scores.softmax(-1).matMul(v);
    }

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
            NDArray groupKeys = dense(transposeKeys(keys.get(g)));
            NDArray groupValues = dense(vals.get(g));
            contexts.add(attendInBlocks(groupQueries, transposeKeys(groupKeys), groupValues, additiveMask, blocks));
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
     * costs far less than the products save (Whisper's encoder: about 130 → 100 ms per layer).
     */
    private static NDArray dense(NDArray view) {
        return view.duplicate();
    }

    /** Attention of query blocks one after another: a block's scores stay in the processor's cache. */
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

    /** [b, h, t, dh] → [b, h, dh, t], a view. */
    public static NDArray transposeKeys(NDArray keys) {
        return keys.transpose(0, 1, 3, 2);
    }

    /**
     * Causal mask [1, 1, queryLength, keyLength] for queries that are the last {@code queryLength} of
     * {@code keyLength} positions (the earlier ones come from a KV cache): query i sees keys j ≤ i + offset, where
     * offset = keyLength − queryLength.
     */
    public static NDArray causalMask(NDManager manager, int queryLength, int keyLength) {
        if (queryLength > keyLength) {
            throw new IllegalArgumentException("Query length " + queryLength + " exceeds key length " + keyLength);
        }
        int offset = keyLength - queryLength;
        float[] mask = new float[queryLength * keyLength];
        for (int i = 0; i < queryLength; i++) {
            for (int j = i + offset + 1; j < keyLength; j++) {
                mask[i * keyLength + j] = MASKED;
            }
        }
        return manager.create(mask, new Shape(1, 1, queryLength, keyLength));
    }

    /** Additive mask [b, 1, 1, t] from an attention mask [b, t] of 1 (attend) and 0 (padding). */
    public static NDArray paddingMask(NDArray attentionMask) {
        Shape shape = attentionMask.getShape();
        return attentionMask
                .toType(DataType.FLOAT32, true)
                .subi(1)
                .muli(-MASKED)
                .reshape(shape.get(0), 1, 1, shape.get(1));
    }
}
