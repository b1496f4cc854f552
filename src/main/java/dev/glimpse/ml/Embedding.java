package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;

/** A lookup table [vocabulary, d]: ids of any shape become vectors of shape [..., d]. */
public final class Embedding {

    private final NDArray table;

    public Embedding(NDArray table) {
        if (table.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "Embedding table '" + table.getName() + "' must be 2-D, is " + table.getShape());
        }
        this.table = table;
    }

    /** Looks up {@code ids} (integer array); the result lives on the ids' manager. */
    public NDArray forward(NDArray ids) {
        NDArray indices = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        return ai.djl.nn.core.Embedding.embedding(indices, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /** The table [vocabulary, d], for tied output projections. */
    public NDArray table() {
        return table;
    }

    public long size() {
        return table.getShape().get(0);
    }

    public long dimension() {
        return table.getShape().get(1);
    }
}
