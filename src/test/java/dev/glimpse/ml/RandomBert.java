package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random weights for one BERT layer under "layer.", kept both as arrays and as NDArrays: the tensors {@link
 * RandomWeights#bertLayer} lays out, each uniform in [-1, 1) around its mean (layer-norm scales around 1.5) from a
 * seeded generator.
 */
final class RandomBert {

    final int width;
    final int heads;
    final int inner;
    final int encoderWidth;
    final Map<String, float[]> values = new LinkedHashMap<>();
    final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Random random;

    RandomBert(long seed, int width, int heads, int inner, int encoderWidth, boolean cross) {
        this.random = new Random(seed);
        this.width = width;
        this.heads = heads;
        this.inner = inner;
        this.encoderWidth = encoderWidth;
        RandomWeights layout = new RandomWeights(1, 1.5f, 1).bertLayer("", width, inner, cross ? encoderWidth : 0);
        for (RandomWeights.Tensor tensor : layout.tensors()) {
            float[] data = Reference.random(random, (int) tensor.elements());
            for (int i = 0; i < data.length; i++) {
                data[i] += tensor.mean();
            }
            values.put(tensor.name(), data);
            shapes.put(tensor.name(), tensor.shape());
        }
    }

    Weights weights(NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        values.forEach((name, data) -> arrays.put("layer." + name, manager.create(data, new Shape(shapes.get(name)))));
        return Weights.of(arrays, manager).at("layer.");
    }

    float[][] matrix(String name) {
        long[] shape = shapes.get(name);
        return Reference.rows(values.get(name), 0, (int) shape[0], (int) shape[1]);
    }

    float[] vector(String name) {
        return values.get(name);
    }

    float[][] linear(String prefix, float[][] x) {
        return Reference.linear(x, matrix(prefix + "weight"), vector(prefix + "bias"));
    }

    float[][] norm(String prefix, float[][] x, float eps) {
        return Reference.layerNorm(x, vector(prefix + "weight"), vector(prefix + "bias"), eps);
    }

    /** The layer for one sequence, in loops; encoder null skips cross-attention. */
    float[][] forward(
            float[][] x, boolean[] keyMask, boolean causal, float[][] encoder, boolean[] encoderMask, float eps) {
        float[][] h = attend("attention.", x, x, keyMask, causal, eps);
        if (encoder != null) {
            h = attend("crossattention.", h, encoder, encoderMask, false, eps);
        }
        float[][] ff = linear("output.dense.", Reference.gelu(linear("intermediate.dense.", h)));
        return norm("output.LayerNorm.", Reference.add(ff, h), eps);
    }

    private float[][] attend(String prefix, float[][] x, float[][] source, boolean[] mask, boolean causal, float eps) {
        float[][] context = Reference.attention(
                linear(prefix + "self.query.", x),
                linear(prefix + "self.key.", source),
                linear(prefix + "self.value.", source),
                heads,
                mask,
                causal);
        return norm(prefix + "output.LayerNorm.", Reference.add(linear(prefix + "output.dense.", context), x), eps);
    }
}
