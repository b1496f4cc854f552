package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * A fully connected layer {@code y = x Wᵀ + b} from a checkpoint's {@code weight} [out, in] and optional
 * {@code bias} [out]. The weight is transposed once at load time so that a request only ever calls ops on its own
 * arrays first.
 */
public final class Linear {

    private final NDArray weightT;
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
        NDArray transposed = weight.transpose();
        this.weightT = transposed.duplicate();
        transposed.close();
        this.bias = bias;
    }

    /** Applies the layer to the last axis of {@code x} [..., in], giving [..., out]. */
    public NDArray forward(NDArray x) {
        NDArray y = x.matMul(weightT);
        return bias == null ? y : y.addi(bias);
    }

    public long inFeatures() {
        return weightT.getShape().get(0);
    }

    public long outFeatures() {
        return weightT.getShape().get(1);
    }
}
