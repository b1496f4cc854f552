package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Layer normalisation over the last axis with learned {@code weight} (gamma) and {@code bias} (beta). */
public final class LayerNorm {

    private final NDArray gamma;
    private final NDArray beta;
    private final float eps;

    /** Builds the layer from {@code w.get("weight")} and {@code w.get("bias")}. */
    public LayerNorm(Weights w, float eps) {
        this.gamma = w.get("weight");
        this.beta = w.get("bias");
        this.eps = eps;
    }

    /** Normalises {@code x} [..., d] over its last axis. */
    public NDArray forward(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, beta, eps)
                .singletonOrThrow();
    }
}
