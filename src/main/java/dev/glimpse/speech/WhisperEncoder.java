package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.glimpse.ml.Activations;
import dev.glimpse.ml.Conv;
import dev.glimpse.ml.Embedding;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Scopes;
import dev.glimpse.ml.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * Whisper's audio encoder ({@code model.encoder.}): conv1 (kernel 3, padding 1) + GELU, conv2 (kernel 3,
 * stride 2, padding 1) + GELU, learned positions, pre-norm layers, final {@code layer_norm}.
 */
final class WhisperEncoder {

    private final NDArray conv1Weight;
    private final NDArray conv1Bias;
    private final NDArray conv2Weight;
    private final NDArray conv2Bias;
    private final Embedding positions;
    private final List<WhisperEncoderLayer> layers;
    private final LayerNorm layerNorm;
    private final WhisperConfig config;

    WhisperEncoder(Weights encoder, WhisperConfig config) {
        this.config = config;
        this.conv1Weight = encoder.get("conv1.weight");
        this.conv1Bias = encoder.get("conv1.bias");
        this.conv2Weight = encoder.get("conv2.weight");
        this.conv2Bias = encoder.get("conv2.bias");
        this.positions = new Embedding(encoder.get("embed_positions.weight"));
        this.layers = new ArrayList<>();
        for (int i = 0; i < config.encoderLayers(); i++) {
            layers.add(new WhisperEncoderLayer(encoder.at("layers." + i + "."), config.encoderHeads()));
        }
        this.layerNorm = new LayerNorm(encoder.at("layer_norm."), WhisperConfig.LAYER_NORM_EPS);
    }

    int feedForwardSize() {
        return layers.getFirst().feedForwardSize();
    }

    /** The hidden states after the final layer norm, [b, positions, d], for features [b, mel, frames]. */
    NDArray forward(NDArray features) {
        return Scopes.throughLayers(embed(features), layers, WhisperEncoderLayer::forward, layerNorm);
    }

    /** The convolution stem plus positions, [b, positions, d] (transformers' {@code hidden_states[0]}). */
    NDArray embed(NDArray features) {
        checkShape(features);
        NDArray x = Activations.gelu(Conv.conv1d(features, conv1Weight, conv1Bias, 1, 1));
        x = Activations.gelu(Conv.conv1d(x, conv2Weight, conv2Bias, 2, 1));
        x = x.transpose(0, 2, 1);
        long length = x.getShape().get(1);
        NDArray positionIds = x.getManager().arange(0, (int) length, 1, DataType.INT64);
        return x.add(positions.forward(positionIds));
    }

    private void checkShape(NDArray features) {
        long[] shape = features.getShape().getShape();
        if (shape.length != 3 || shape[1] != config.melBins() || shape[2] != config.inputFrames()) {
            throw new IllegalArgumentException("Whisper expects features [batch, " + config.melBins() + ", "
                    + config.inputFrames() + "], got " + features.getShape());
        }
    }
}
