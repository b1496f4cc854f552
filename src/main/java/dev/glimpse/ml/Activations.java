package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/** Activation functions with the exact definitions transformers uses. */
public final class Activations {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Activations() {}

    /** Exact GELU: {@code x · ½ · (1 + erf(x / √2))} (transformers' "gelu"). */
    public static NDArray gelu(NDArray x) {
        return x.mul(SQRT_HALF).erf().add(1).mul(x).mul(0.5);
    }
}
