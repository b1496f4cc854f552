package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The operations every attention shares: splitting and merging heads, the scaled dot-product, and the masks. Masks are additive: 0 where a query may attend
 * a key and {@link #MASKED} where it may not. {@code MASKED} is a large finite negative number (transformers uses
 * the float32 minimum) so that a row whose keys are all masked gives a uniform distribution instead of NaN, and
 * two masks can be summed without overflowing.
 */
public final class AttentionOps {

    /** The additive mask value for a forbidden query/key pair. */
    public static final float MASKED = -1e30f;

    private AttentionOps() {}

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
