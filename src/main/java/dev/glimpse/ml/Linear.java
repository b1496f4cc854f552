package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * A fully connected layer {@code y = x Wᵀ + b} from a checkpoint's {@code weight} [out, in] and optional
 * {@code bias} [out]. It runs PyTorch's fused {@code linear} on the weight as stored, so no transposed copy is kept
 * (a model's weights stay in memory once) and the result lives on the manager of the request's input.
 */
public final class Linear {

    private final NDArray weight;
    private final NDArray bias;

    /** Builds the layer from {@code w.get("weight")} and, if present, {@code w.get("bias")}. */
    public Linear(Weights w) {
        this(w.get("weight"), w.find("bias").orElse(null));
    }

    /** Builds the layer from a weight [out, in] and a nullable bias [out] living on the model's manager. */
    public Linear(NDArray weight, NDArray bias) {
        if (weight.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "Linear weight '" + weight.getName() + "' must be 2-D, is " + weight.getShape());
        }
        this.weight = weight;
        this.bias = bias;
    }

    /** Applies the layer to the last axis of {@code x} [..., in], giving [..., out]. */
    public NDArray forward(NDArray x) {
        return bias == null
                ? ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow()
                : ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }

    public long inFeatures() {
        return weight.getShape().get(1);
    }

    public long outFeatures() {
        return weight.getShape().get(0);
    }
}
