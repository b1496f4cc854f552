package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/** Activation functions with the exact definitions transformers uses. */
public final class Activations {

    private Activations() {}

    /**
     * Exact GELU: {@code x · ½ · (1 + erf(x / √2))} (transformers' "gelu", which is PyTorch's {@code gelu} with
     * {@code approximate='none'}): one native operation instead of five element-wise passes.
     */
    public static NDArray gelu(NDArray x) {
        return ai.djl.nn.Activation.gelu(x);
    }
}
