package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors of a checkpoint with random values, named and shaped as the real checkpoint stores them, in the order
 * they are drawn: weights, biases and embeddings from N(0, std²), layer-norm scales from N(normMean, normStd²). The
 * one random-checkpoint writer: model layouts ({@code RandomBlipWeights}, {@code RandomWhisperWeights}, the
 * benchmarks' {@code RandomCheckpoint}) describe their tensors here, benchmarks stream them to a safetensors file,
 * tests create them in memory ({@link #create}) or fill them with their own generator; the spread is a parameter,
 * so each keeps its own.
 */
public final class RandomWeights {

    /** One tensor: values drawn from N({@code mean}, {@code std}²). */
    public record Tensor(String name, long[] shape, float mean, float std) {

        public long elements() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private final float std;
    private final float normMean;
    private final float normStd;

    /** Weights from N(0, {@code std}²), layer-norm scales from N({@code normMean}, {@code normStd}²). */
    public RandomWeights(float std, float normMean, float normStd) {
        this.std = std;
        this.normMean = normMean;
        this.normStd = normStd;
    }

    /** The tensors described so far, in order. */
    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    /** The tensors drawn now by {@code manager}'s engine (seed it for repeatable values), in a checkpoint's order. */
    public Weights create(NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Tensor tensor : tensors) {
            arrays.put(
                    tensor.name(),
                    manager.randomNormal(tensor.mean(), tensor.std(), new Shape(tensor.shape()), DataType.FLOAT32));
        }
        return Weights.of(arrays, manager);
    }

    /** A tensor {@code name} of {@code shape} from N(0, std²). */
    public RandomWeights normal(String name, long... shape) {
        tensors.add(new Tensor(name, shape, 0, std));
        return this;
    }

    /** {@code prefix}weight of {@code weightShape} and {@code prefix}bias of its first dimension. */
    public RandomWeights linear(String prefix, long... weightShape) {
        normal(prefix + "weight", weightShape);
        return normal(prefix + "bias", weightShape[0]);
    }

    /** A layer norm's scale and bias of {@code width}. */
    public RandomWeights norm(String prefix, int width) {
        tensors.add(new Tensor(prefix + "weight", new long[] {width}, normMean, normStd));
        return normal(prefix + "bias", width);
    }

    /**
     * A BERT layer of width {@code d}: self-attention, cross-attention over keys of {@code crossWidth} (none where it
     * is 0), the feed-forward of {@code inner} and its norm, named as {@code BertLayer} reads them.
     */
    public RandomWeights bertLayer(String prefix, int d, int inner, int crossWidth) {
        bertAttention(prefix + "attention.", d, d);
        if (crossWidth > 0) {
            bertAttention(prefix + "crossattention.", d, crossWidth);
        }
        linear(prefix + "intermediate.dense.", inner, d);
        return linear(prefix + "output.dense.", d, inner).norm(prefix + "output.LayerNorm.", d);
    }

    private RandomWeights bertAttention(String prefix, int d, int keyWidth) {
        linear(prefix + "self.query.", d, d);
        linear(prefix + "self.key.", d, keyWidth);
        linear(prefix + "self.value.", d, keyWidth);
        return linear(prefix + "output.dense.", d, d).norm(prefix + "output.LayerNorm.", d);
    }
}
