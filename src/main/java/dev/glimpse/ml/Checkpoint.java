package dev.glimpse.ml;

import java.util.Set;

/**
 * The tensors of one model, whatever the file format. Tensors handed out are only valid while the checkpoint is
 * open; {@link Weights#load} copies them into NDArrays, after which the checkpoint can be closed.
 */
public interface Checkpoint extends AutoCloseable {

    /** Names of all tensors in the checkpoint. */
    Set<String> names();

    /**
     * The tensor of that name.
     *
     * @throws IllegalArgumentException naming the tensor when it is absent or cannot be read
     */
    RawTensor tensor(String name);

    @Override
    void close();
}
