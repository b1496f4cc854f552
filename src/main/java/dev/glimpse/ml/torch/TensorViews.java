package dev.glimpse.ml.torch;

import static dev.glimpse.ml.torch.StateDictUnpickler.refuse;

import java.util.Arrays;

/** Checks a tensor view against its storage: non-negative, contiguous, and inside the storage's elements. */
final class TensorViews {

    static final int MAX_RANK = 16;

    private TensorViews() {}

    static TensorRef checked(TensorRef.StorageRef storage, long offset, long[] shape, long[] stride) {
        if (shape.length != stride.length || shape.length > MAX_RANK) {
            throw refuse("a tensor with size " + Arrays.toString(shape) + " and stride " + Arrays.toString(stride));
        }
        long elements = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw refuse("a negative tensor size " + Arrays.toString(shape));
            }
            elements = multiply(elements, dim, shape);
        }
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] > 1 && stride[i] != expected) {
                throw refuse("a non-contiguous tensor (size " + Arrays.toString(shape) + ", stride "
                        + Arrays.toString(stride) + "); only contiguous views are read");
            }
            expected = multiply(expected, shape[i], shape);
        }
        if (offset < 0 || (elements > 0 && offset > storage.numel() - elements)) {
            throw refuse("a tensor of " + elements + " elements at offset " + offset + " of storage data/"
                    + storage.key() + ", which holds only " + storage.numel() + " elements");
        }
        return new TensorRef(storage, offset, shape.clone(), stride.clone());
    }

    private static long multiply(long a, long b, long[] shape) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw refuse("a tensor size that overflows: " + Arrays.toString(shape));
        }
    }
}
