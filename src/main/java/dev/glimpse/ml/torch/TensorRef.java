package dev.glimpse.ml.torch;

import dev.glimpse.ml.TensorType;

/** What the pickle says about one tensor: a view (offset, shape, stride in elements) of a storage. */
record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {

    /** A storage entry of the archive, {@code data/<key>}, holding {@code numel} elements of {@code type}. */
    record StorageRef(TensorType type, String key, long numel) {}
}
