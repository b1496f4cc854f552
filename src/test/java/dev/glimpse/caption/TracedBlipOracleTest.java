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
import dev.glimpse.testsupport.Fixtures;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(TRACED)
                .optModelName(name)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
    }
}
