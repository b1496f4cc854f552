package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.glimpse.ml.Weights;
import dev.glimpse.testsupport.Fixtures;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native networks against the traced transformers model ({@code torchscript/*.pt}) on inputs the
 * reference files do not cover: a batch of three different images and other token sequences.
 */
class TracedBlipOracleTest {

    private static final Path TRACED = TinyBlip.DIR.resolve("torchscript");
    private static TinyBlip model;
    private static ZooModel<NDList, NDList> tracedVision;
    private static ZooModel<NDList, NDList> tracedDecoder;

    @BeforeAll
    static void load() throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(2024);
        model = new TinyBlip();
        tracedVision = traced("vision");
        tracedDecoder = traced("decoder");
    }

    @AfterAll
    static void close() {
        tracedDecoder.close();
        tracedVision.close();
        model.close();
    }

    @Test
    void imageEmbedsOfThreeImagesInOneBatchMatchTracedModel() throws Exception {
        try (NDManager request = model.manager.newSubManager();
                Predictor<NDList, NDList> predictor = tracedVision.newPredictor()) {
            NDArray pixels = threeImages(request);

            NDArray expected = predictor.predict(new NDList(pixels)).singletonOrThrow();
            NDArray actual = model.vision.forward(pixels);

            assertThat(actual.getShape())
                    .isEqualTo(new Shape(3, model.config.vision().sequenceLength(), 32));
            double difference = maxDifference(actual, expected);
            System.out.printf("traced vision, batch of 3: max abs difference %.3g%n", difference);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    /**
     * The fixture's vision weights are ~1e-10 (its config's initializer_range), so its image embeddings
     * are nearly constant and barely exercise the encoder; here both models get the same random
     * weights of ordinary size, written into the traced module's parameters.
     */
    @Test
    void imageEmbedsWithRandomWeightsMatchTracedModel() throws Exception {
        try (ZooModel<NDList, NDList> traced = traced("vision", Map.of("trainParam", "true"));
                NDManager weightsManager = NDManager.newBaseManager("PyTorch");
                NDManager request = weightsManager.newSubManager();
                Predictor<NDList, NDList> predictor = traced.newPredictor()) {
            Weights weights = randomise(traced, "vision_model.", weightsManager, new Random(42));
            BlipVisionModel vision = new BlipVisionModel(weights.at("vision_model."), model.config.vision());
            NDArray pixels = threeImages(request);

            NDArray expected = predictor.predict(new NDList(pixels)).singletonOrThrow();
            NDArray actual = vision.forward(pixels);

            double spread = expected.abs().mean().getFloat();
            double difference = maxDifference(actual, expected);
            System.out.printf(
                    "traced vision, random weights, batch of 3: max abs difference %.3g (output mean |x| %.3g)%n",
                    difference, spread);
            assertThat(spread).isGreaterThan(0.1);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    @Test
    void decoderLogitsWithRandomWeightsMatchTracedModel() throws Exception {
        try (ZooModel<NDList, NDList> traced = traced("decoder", Map.of("trainParam", "true"));
                NDManager weightsManager = NDManager.newBaseManager("PyTorch");
                NDManager request = weightsManager.newSubManager();
                Predictor<NDList, NDList> predictor = traced.newPredictor()) {
            Weights weights = randomise(traced, "text_decoder.", weightsManager, new Random(7));
            BlipTextDecoder decoder = new BlipTextDecoder(weights.at("text_decoder."), model.config.text());
            NDArray imageEmbeds =
                    request.randomNormal(new Shape(2, model.config.vision().sequenceLength(), 32));
            long[] tokens = {30522, 1037, 2158, 3564, 2006, 102, 30522, 2023, 2003, 1996, 2087, 2204};
            NDArray ids = request.create(tokens, new Shape(2, 6));

            NDArray expected = predictor.predict(new NDList(ids, imageEmbeds)).get(0);
            NDArray actual = decoder.logits(ids, 0, imageEmbeds, null);
            NDArray withOtherImages = decoder.logits(ids, 0, imageEmbeds.flip(0), null);

            double difference = maxDifference(actual, expected);
            double imageEffect = maxDifference(withOtherImages, expected);
            System.out.printf(
                    "traced decoder, random weights: max abs difference %.3g (swapping the images changes logits"
                            + " by %.3g)%n",
                    difference, imageEffect);
            assertThat(imageEffect).isGreaterThan(0.1);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    @Test
    void decoderLogitsWithRandomImageEmbedsMatchTracedModel() throws Exception {
        try (NDManager request = model.manager.newSubManager();
                Predictor<NDList, NDList> predictor = tracedDecoder.newPredictor()) {
            NDArray imageEmbeds =
                    request.randomNormal(new Shape(2, model.config.vision().sequenceLength(), 32));
            long[] tokens = {30522, 1037, 2158, 3564, 2006, 102, 30522, 2023, 2003, 1996, 2087, 2204};
            NDArray ids = request.create(tokens, new Shape(2, 6));

            NDArray expected = predictor.predict(new NDList(ids, imageEmbeds)).get(0);
            NDArray actual = model.decoder.logits(ids, 0, imageEmbeds, null);
            NDArray withOtherImages = model.decoder.logits(ids, 0, imageEmbeds.flip(0), null);

            double difference = maxDifference(actual, expected);
            double imageEffect = maxDifference(withOtherImages, expected);
            System.out.printf(
                    "traced decoder, random image embeds: max abs difference %.3g (swapping the images changes"
                            + " logits by %.3g)%n",
                    difference, imageEffect);
            assertThat(difference).isLessThan(1e-4).isLessThan(imageEffect / 100);
        }
    }

    @Test
    void decoderLogitsForOtherTokensMatchTracedModel() throws Exception {
        try (NDManager request = model.manager.newSubManager();
                Predictor<NDList, NDList> predictor = tracedDecoder.newPredictor()) {
            NDArray imageEmbeds = model.vision.forward(threeImages(request));
            long[] tokens = {
                30522, 1037, 2158, 3564, 2006, 1037, 4049, 102, 30522, 2023, 2003, 1996, 2087, 2204, 3861, 1012, 30522,
                7, 30000, 500, 999, 12345, 102, 0
            };
            NDArray ids = request.create(tokens, new Shape(3, 8));

            NDArray expected = predictor.predict(new NDList(ids, imageEmbeds)).get(0);
            NDArray actual = model.decoder.logits(ids, 0, imageEmbeds, null);

            assertThat(actual.getShape()).isEqualTo(expected.getShape());
            double difference = maxDifference(actual, expected);
            System.out.printf("traced decoder, 3 x 8 tokens: max abs difference %.3g%n", difference);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    /**
     * Overwrites every parameter of the traced module with random values of ordinary size and returns
     * the same tensors as {@link Weights} under their checkpoint names ({@code prefix} + the module's
     * name without its first component). Values are read back after writing, so parameters the module
     * shares (tied weights) stay identical on both sides.
     */
    private static Weights randomise(ZooModel<NDList, NDList> traced, String prefix, NDManager manager, Random random) {
        var parameters = traced.getBlock().getParameters();
        for (var parameter : parameters) {
            NDArray array = parameter.getValue().getArray();
            array.set(randomValues(parameter.getKey(), (int) array.size(), random));
        }
        Map<String, NDArray> weights = new HashMap<>();
        for (var parameter : parameters) {
            NDArray array = parameter.getValue().getArray();
            String name =
                    prefix + parameter.getKey().substring(parameter.getKey().indexOf('.') + 1);
            weights.put(name, manager.create(array.toFloatArray(), array.getShape()));
        }
        return Weights.of(weights, manager);
    }

    private static float[] randomValues(String name, int size, Random random) {
        boolean normWeight = name.toLowerCase(java.util.Locale.ROOT).contains("norm") && name.endsWith(".weight");
        double scale = name.contains("embedding") ? 0.5 : 0.2;
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((normWeight ? 1 : 0) + scale * random.nextGaussian());
        }
        return values;
    }

    private static double maxDifference(NDArray actual, NDArray expected) {
        return actual.sub(expected).abs().max().getFloat();
    }

    private static NDArray threeImages(NDManager manager) throws IOException {
        BlipImageProcessor processor = BlipImageProcessor.load(TinyBlip.DIR);
        List<BufferedImage> images = List.of(
                ImageIO.read(Fixtures.media("tiny-16px.png").toFile()),
                ImageIO.read(TinyBlip.DIR.resolve("reference/image.png").toFile()),
                gradient(500, 900));
        int length = 3 * 384 * 384;
        float[] batch = new float[3 * length];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(processor.process(images.get(i)), 0, batch, i * length, length);
        }
        return manager.create(batch, new Shape(3, 3, 384, 384));
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 3, width / 2, height / 4);
        graphics.dispose();
        return image;
    }

    private static ZooModel<NDList, NDList> traced(String name) throws Exception {
        return traced(name, Map.of());
    }

    private static ZooModel<NDList, NDList> traced(String name, Map<String, String> options) throws Exception {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(TRACED)
                .optModelName(name)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .optOptions(options)
                .build()
                .loadModel();
    }
}
