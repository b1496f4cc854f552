package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;

/** Convolutions with PyTorch's layouts: input [b, c, (h,) w], weight [out, in, (kh,) kw], bias [out] or null. */
public final class Conv {

    private Conv() {}

    /** 1-D convolution (Whisper's audio stem) with equal stride and zero padding on both sides. */
    public static NDArray conv1d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
        return Conv1d.conv1d(x, w, b, new Shape(stride), new Shape(padding), new Shape(1))
                .singletonOrThrow();
    }

    /** 2-D convolution (a ViT patch embedding) with the same stride and padding on both axes. */
    public static NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1))
                .singletonOrThrow();
    }
}
