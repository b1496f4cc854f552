package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.StageTimings;
import dev.glimpse.ml.TokenDecoder;
import dev.glimpse.ml.Weights;
import dev.glimpse.ml.checkpoints.Checkpoints;
import dev.glimpse.ml.generation.BeamSearch;
import dev.glimpse.ml.generation.DecoderSession;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Captions images with a BLIP checkpoint ({@code BlipForConditionalGeneration}) read from a Hugging
 * Face model folder, natively on DJL: pre-processing, vision encoder, text decoder and generation.
 * It owns the manager that holds the weights; every call works on a child manager closed before it
 * returns. Calls may run concurrently; the weights are only read.
 */
public final class BlipCaptioner implements AutoCloseable {

    private final Path modelDir;
    private final String modelName;
    private final CaptionOptions options;
    private final NDManager manager;
    private final BlipConfig config;
    private final BlipImageProcessor processor;
    private final BlipVisionModel vision;
    private final BlipTextDecoder decoder;
    private final TokenDecoder tokenizer;
    private final double lengthPenalty;

    private BlipCaptioner(
            Path modelDir,
            String modelName,
            BlipConfig config,
            CaptionOptions options,
            NDManager manager,
            Weights weights) {
        this.modelDir = modelDir;
        this.modelName = modelName;
        this.options = options;
        this.manager = manager;
        this.config = config;
        this.processor = BlipImageProcessor.load(modelDir);
        this.vision = new BlipVisionModel(weights.at("vision_model."), config.vision());
        this.decoder = new BlipTextDecoder(weights.at("text_decoder."), config.text());
        this.tokenizer = TokenDecoder.load(modelDir);
        this.lengthPenalty = GenerationSettings.lengthPenalty(modelDir);
    }

    /** Loads the model in {@code modelDir} (config, weights, preprocessor and tokenizer files). */
    public static BlipCaptioner load(Path modelDir, CaptionOptions options) {
        return onNewManager(options, manager -> {
            try (Checkpoint checkpoint = Checkpoints.open(modelDir)) {
                BlipConfig config = BlipConfig.read(modelDir.resolve("config.json"));
                Weights weights = Weights.load(checkpoint, manager);
                String name = modelDir.getFileName().toString();
                return new BlipCaptioner(modelDir, name, config, options, manager, weights);
            }
        });
    }

    /**
     * A captioner of the architecture and size in {@code configFile} with random weights, for
     * benchmarks of full-size models without their checkpoints; pre-processing, tokenizer and
     * generation settings come from {@code filesDir} (any BLIP model folder, e.g. blip-tiny). Its
     * captions are meaningless.
     */
    public static BlipCaptioner withRandomWeights(Path configFile, Path filesDir, CaptionOptions options) {
        return onNewManager(options, manager -> {
            BlipConfig config = BlipConfig.read(configFile);
            Weights weights = RandomBlipWeights.create(config, manager);
            String name = "random weights for " + configFile.getFileName();
            return new BlipCaptioner(filesDir, name, config, options, manager, weights);
        });
    }

    private static BlipCaptioner onNewManager(CaptionOptions options, Function<NDManager, BlipCaptioner> build) {
        Objects.requireNonNull(options, "options");
        options.ml().applyToEngine();
        NDManager manager = NDManager.newBaseManager(options.ml().djlDevice(), "PyTorch");
        try {
            return build.apply(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** One caption per image, computed as one batch. */
    public List<String> caption(List<BufferedImage> images) {
        return caption(images, StageTimings.NONE);
    }

    /** One caption per image, computed as one batch, reporting its {@link CaptionStages} to {@code timings}. */
    public List<String> caption(List<BufferedImage> images, StageTimings timings) {
        if (images.isEmpty()) {
            return List.of();
        }
        long start = timings.start();
        float[][] pixelValues = images.stream().map(processor::process).toArray(float[][]::new);
        timings.end(CaptionStages.PREPROCESS, start);
        List<int[]> ids = generate(pixelValues, timings);
        long decoded = timings.start();
        List<String> captions = ids.stream().map(tokenizer::decode).toList();
        timings.end(CaptionStages.POSTPROCESS, decoded);
        return captions;
    }

    public Path modelDir() {
        return modelDir;
    }

    /** The model folder's name, e.g. {@code blip-image-captioning-base}. */
    public String modelName() {
        return modelName;
    }

    public CaptionOptions options() {
        return options;
    }

    /** Token ids ({@code [DEC]} first) for each image's {@code pixel_values} (CHW), with the configured search. */
    List<int[]> generate(float[][] pixelValues) {
        return generate(pixelValues, StageTimings.NONE);
    }

    private List<int[]> generate(float[][] pixelValues, StageTimings timings) {
        BlipConfig.Text text = config.text();
        if (options.numBeams() == 1) {
            return decode(
                    pixelValues,
                    timings,
                    session -> GreedyCaptioning.generate(
                            session, pixelValues.length, text.bosTokenId(), text.sepTokenId(), options.maxNewTokens()));
        }
        BeamSearch search = new BeamSearch(
                options.numBeams(), text.bosTokenId(), text.sepTokenId(), options.maxNewTokens(), lengthPenalty);
        return decode(pixelValues, timings, session -> search.generate(session, pixelValues.length));
    }

    /** Encodes the images as one batch and runs {@code search} on a decoder session over them. */
    List<int[]> decode(float[][] pixelValues, StageTimings timings, Function<DecoderSession, List<int[]>> search) {
        int size = config.vision().imageSize();
        int imageLength = 3 * size * size;
        float[] batch = new float[pixelValues.length * imageLength];
        for (int i = 0; i < pixelValues.length; i++) {
            if (pixelValues[i].length != imageLength) {
                throw new IllegalArgumentException(
                        "pixel_values " + i + " has " + pixelValues[i].length + " values, not " + imageLength);
            }
            System.arraycopy(pixelValues[i], 0, batch, i * imageLength, imageLength);
        }
        try (NDManager request = manager.newSubManager()) {
            long start = timings.start();
            NDArray input = request.create(batch, new Shape(pixelValues.length, 3, size, size));
            NDArray imageEmbeds = vision.forward(input);
            timings.end(CaptionStages.VISION, start, imageEmbeds);
            try (DecoderSession session = options.useKvCache()
                    ? new CachedDecoderSession(decoder, imageEmbeds, timings)
                    : new UncachedDecoderSession(decoder, imageEmbeds, timings)) {
                return options.ml().decoding(pixelValues.length * options.numBeams(), () -> search.apply(session));
            }
        }
    }

    BlipConfig config() {
        return config;
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
