package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

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

    /**
     * One layer computing what {@code parts} compute on the same input, their outputs side by side along the last
     * axis (query, key and value projections as one matrix product: one native call and one pass over the input
     * instead of three). A part without a bias gets zeros, which adds nothing. The parts' arrays are closed: the
     * stacked layer replaces them, so the model keeps its weights in memory once.
     */
    public static Linear stack(List<Linear> parts) {
        if (parts.stream().map(Linear::inFeatures).distinct().count() != 1) {
            throw new IllegalArgumentException("Stacked layers must share their input width");
        }
        NDList weights = new NDList();
        NDList biases = new NDList();
        for (Linear part : parts) {
            weights.add(part.weight);
            biases.add(part.bias != null ? part.bias : part.weight.getManager().zeros(new Shape(part.outFeatures())));
        }
        Linear stacked = new Linear(NDArrays.concat(weights, 0), NDArrays.concat(biases, 0));
        weights.close();
        biases.close();
        return stacked;
    }

    /**
     * This layer with its output multiplied by {@code factor}, folded into the weight and bias once (attention's
     * 1/√d query scaling at load time instead of one element-wise pass per step). This layer's arrays are closed.
     */
    public Linear scaled(float factor) {
        Linear scaled = new Linear(weight.mul(factor), bias == null ? null : bias.mul(factor));
        weight.close();
        if (bias != null) {
            bias.close();
        }
        return scaled;
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
