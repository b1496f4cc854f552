package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.AttentionOps;
import dev.glimpse.ml.Embedding;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whisper's text decoder ({@code model.decoder.}): token embeddings plus learned positions offset by the cached
 * length, pre-norm layers with causal self-attention and cross-attention, final {@code layer_norm}, and the
 * output projection {@code proj_out}, tied to {@code embed_tokens} when the checkpoint does not store it.
 */
final class WhisperDecoder {

    private final Embedding tokens;
    private final Embedding positions;
    private final List<WhisperDecoderLayer> layers;
    private final LayerNorm layerNorm;
    /** The output projection transposed once at load, [d, vocabulary]. */
    private final NDArray projectionT;

    private final int maxPositions;

    WhisperDecoder(Weights decoder, NDArray projection, WhisperConfig config) {
        this.tokens = new Embedding(decoder.get("embed_tokens.weight"));
        this.positions = new Embedding(decoder.get("embed_positions.weight"));
        this.layers = new ArrayList<>();
        for (int i = 0; i < config.decoderLayers(); i++) {
            layers.add(new WhisperDecoderLayer(decoder.at("layers." + i + "."), config.decoderHeads()));
        }
        this.layerNorm = new LayerNorm(decoder.at("layer_norm."), WhisperConfig.LAYER_NORM_EPS);
        this.projectionT = projection.transpose();
        this.maxPositions = config.maxTargetPositions();
    }

    int layerCount() {
        return layers.size();
    }

    /**
     * Computes every layer's cross-attention keys/values over {@code encoderHidden} into {@code cache} before the
     * first step (one large matrix product per layer, run with all intra-op threads; steps may use fewer).
     */
    void prefillCross(NDArray encoderHidden, KvCache cache) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).prefillCross(encoderHidden, cache.layer(i));
        }
    }

    int feedForwardSize() {
        return layers.getFirst().feedForwardSize();
    }

    int maxPositions() {
        return maxPositions;
    }

    /**
     * Hidden states [rows, t, d] of {@code ids} ([rows][t]) that follow the positions already in {@code cache}
     * (null: no cache, the ids are the whole sequences).
     */
    NDArray forward(NDManager manager, int[][] ids, NDArray encoderHidden, KvCache cache) {
        int past = cache == null ? 0 : (int) cache.length();
        int length = ids[0].length;
        if (past + length > maxPositions) {
            throw new IllegalArgumentException(
                    "The decoder takes at most " + maxPositions + " positions, asked for " + (past + length));
        }
        NDArray idArray = manager.create(toLongs(ids), new Shape(ids.length, length));
        NDArray positionIds = manager.arange(past, past + length, 1, DataType.INT64);
        NDArray hidden = tokens.forward(idArray).add(positions.forward(positionIds));
        NDArray mask = length == 1 ? null : AttentionOps.causalMask(manager, length, past + length);
        for (int i = 0; i < layers.size(); i++) {
            hidden = layers.get(i).forward(hidden, mask, encoderHidden, cache == null ? null : cache.layer(i));
        }
        return layerNorm.forward(hidden);
    }

    /** {@link #forward(NDManager, int[][], NDArray, KvCache)} for one sequence. */
    NDArray forward(NDManager manager, int[] ids, NDArray encoderHidden, KvCache cache) {
        return forward(manager, new int[][] {ids}, encoderHidden, cache);
    }

    /** Vocabulary logits [.., vocabulary] of hidden states [.., d]. */
    NDArray logits(NDArray hidden) {
        return hidden.matMul(projectionT);
    }

    /** Each row's logits at the last of {@code ids} ([rows][t]), fed after the cached positions. */
    float[][] nextTokenLogits(NDManager manager, int[][] ids, NDArray encoderHidden, KvCache cache) {
        return lastPositionLogits(forward(manager, ids, encoderHidden, cache), ids.length);
    }

    /** Each of the {@code rows} rows' vocabulary logits at the last position of hidden states [rows, t, d]. */
    float[][] lastPositionLogits(NDArray hidden, int rows) {
        float[] flat = logits(hidden.get(new NDIndex(":, -1, :"))).toFloatArray();
        int vocabulary = flat.length / rows;
        float[][] logits = new float[rows][];
        for (int row = 0; row < rows; row++) {
            logits[row] = Arrays.copyOfRange(flat, row * vocabulary, (row + 1) * vocabulary);
        }
        return logits;
    }

    /** {@link #nextTokenLogits(NDManager, int[][], NDArray, KvCache)} for one sequence. */
    float[] nextTokenLogits(NDManager manager, int[] ids, NDArray encoderHidden, KvCache cache) {
        return nextTokenLogits(manager, new int[][] {ids}, encoderHidden, cache)[0];
    }

    private static long[] toLongs(int[][] ids) {
        long[] longs = new long[ids.length * ids[0].length];
        int i = 0;
        for (int[] row : ids) {
            if (row.length != ids[0].length) {
                throw new IllegalArgumentException("All rows of a batch must have the same length");
            }
            for (int id : row) {
                longs[i++] = id;
            }
        }
        return longs;
    }
}
