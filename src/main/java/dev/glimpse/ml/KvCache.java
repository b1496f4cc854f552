package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keys and values kept between decoding steps of one request, one {@link Layer} per decoder layer. Self-attention
 * keys/values grow by the new positions at every step; cross-attention keys/values depend only on the encoder
 * output and are computed once, at the first step, then reused. All arrays belong to the request's manager.
 */
public final class KvCache {

    private final List<Layer> layers;

    public KvCache(int layerCount) {
        List<Layer> list = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            list.add(new Layer());
        }
        this.layers = Collections.unmodifiableList(list);
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    public int layerCount() {
        return layers.size();
    }

    /** Number of positions cached so far (0 before the first step). */
    public long length() {
        return layers.isEmpty() ? 0 : layers.get(0).length();
    }

    /**
     * Moves every cached array to {@code manager}, so that the temporary manager of a decoding step can be closed
     * without losing the cache.
     */
    public void attach(ai.djl.ndarray.NDManager manager) {
        layers.forEach(layer -> layer.attach(manager));
    }

    /** Keeps batch rows {@code batchIndices} (int64 [n]) in every layer, in that order (beam search). */
    public void reorder(NDArray batchIndices) {
        layers.forEach(layer -> layer.reorder(batchIndices));
    }

    /** One layer's cached keys and values, [b, h, t, dh] (cross-attention keys transposed, see {@link #setCross}). */
    public static final class Layer {
        private NDArray selfKeys;
        private NDArray selfValues;
        private NDArray crossKeysTransposed;
        private NDArray crossValues;

        /**
         * Appends this step's keys/values along the time axis and returns all keys/values so far, [keys, values].
         * The previous cached arrays and the step's arrays are closed when they are replaced.
         */
        public NDArray[] appendSelf(NDArray keys, NDArray values) {
            if (selfKeys == null) {
                selfKeys = keys;
                selfValues = values;
            } else {
                selfKeys = replace(selfKeys, selfKeys.concat(keys, 2));
                selfValues = replace(selfValues, selfValues.concat(values, 2));
                keys.close();
                values.close();
            }
            return new NDArray[] {selfKeys, selfValues};
        }

        public boolean hasCross() {
            return crossKeysTransposed != null;
        }

        /**
         * Stores the cross-attention keys, transposed to [b, h, dh, s] as every step multiplies by them, and values
         * [b, h, s, dh], computed from the encoder output once per request.
         */
        public void setCross(NDArray keysTransposed, NDArray values) {
            crossKeysTransposed = keysTransposed;
            crossValues = values;
        }

        /** The cross-attention keys as [b, h, dh, s]. */
        public NDArray crossKeysTransposed() {
            return crossKeysTransposed;
        }

        public NDArray crossValues() {
            return crossValues;
        }

        /** Positions cached in self-attention so far. */
        public long length() {
            return selfKeys == null ? 0 : selfKeys.getShape().get(2);
        }

        void attach(ai.djl.ndarray.NDManager manager) {
            for (NDArray array : new NDArray[] {selfKeys, selfValues, crossKeysTransposed, crossValues}) {
                if (array != null) {
                    array.attach(manager);
                }
            }
        }

        void reorder(NDArray batchIndices) {
            NDIndex rows = new NDIndex("{}", batchIndices);
            if (selfKeys != null) {
                selfKeys = replace(selfKeys, selfKeys.get(rows));
                selfValues = replace(selfValues, selfValues.get(rows));
            }
            if (crossKeysTransposed != null) {
                crossKeysTransposed = replace(crossKeysTransposed, crossKeysTransposed.get(rows));
                crossValues = replace(crossValues, crossValues.get(rows));
            }
        }

        private static NDArray replace(NDArray old, NDArray replacement) {
            old.close();
            return replacement;
        }
    }
}
