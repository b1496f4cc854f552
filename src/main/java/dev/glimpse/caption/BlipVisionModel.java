package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.Conv;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Scopes;
import dev.glimpse.ml.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * BLIP's ViT image encoder ({@code BlipVisionModel}) from the {@code vision_model.} tensors: patch
 * convolution, class token and position embeddings, pre-norm encoder layers and {@code
 * post_layernorm}. Its output, {@code image_embeds} [b, patches + 1, d], is what the text decoder
 * attends to.
 */
final class BlipVisionModel {

    private final BlipConfig.Vision config;
    private final NDArray patchWeight;
    private final NDArray patchBias;
    private final NDArray classEmbedding;
    private final NDArray positionEmbedding;
    private final List<VisionEncoderLayer> layers = new ArrayList<>();
    private final LayerNorm postLayerNorm;

    BlipVisionModel(Weights vision, BlipConfig.Vision config) {
        this.config = config;
        Weights embeddings = vision.at("embeddings.");
        this.patchWeight = embeddings.get("patch_embedding.weight");
        this.patchBias = embeddings.get("patch_embedding.bias");
        this.classEmbedding = embeddings.get("class_embedding");
        this.positionEmbedding = embeddings.get("position_embedding");
        long positions = positionEmbedding.getShape().get(1);
        if (positions != config.sequenceLength()) {
            throw new IllegalArgumentException("position_embedding has " + positions + " positions but image_size "
                    + config.imageSize() + " / patch_size " + config.patchSize() + " needs "
                    + config.sequenceLength());
        }
        for (int i = 0; i < config.layers(); i++) {
            layers.add(new VisionEncoderLayer(
                    vision.at("encoder.layers." + i + "."), config.heads(), config.layerNormEps()));
        }
        this.postLayerNorm = new LayerNorm(vision.at("post_layernorm."), config.layerNormEps());
    }

    /** {@code pixel_values} [b, 3, size, size] → {@code image_embeds} [b, patches + 1, d]. */
    NDArray forward(NDArray pixelValues) {
        return Scopes.throughLayers(embed(pixelValues), layers, VisionEncoderLayer::forward, postLayerNorm);
    }

    /** Patch, class and position embeddings (transformers' {@code hidden_states[0]}). */
    NDArray embed(NDArray pixelValues) {
        Shape shape = pixelValues.getShape();
        if (shape.dimension() != 4
                || shape.get(1) != 3
                || shape.get(2) != config.imageSize()
                || shape.get(3) != config.imageSize()) {
            throw new IllegalArgumentException("pixel_values must be [b, 3, " + config.imageSize() + ", "
                    + config.imageSize() + "], got " + shape);
        }
        long batch = shape.get(0);
        long width = patchWeight.getShape().get(0);
        return Scopes.scoped(pixelValues, pixels -> {
            NDArray patches = Conv.conv2d(pixels, patchWeight, patchBias, config.patchSize(), 0)
                    .reshape(batch, width, -1)
                    .transpose(0, 2, 1);
            NDArray classTokens =
                    pixels.getManager().zeros(new Shape(batch, 1, width)).addi(classEmbedding);
            return classTokens.concat(patches, 1).addi(positionEmbedding);
        });
    }

    VisionEncoderLayer layer(int index) {
        return layers.get(index);
    }
}
