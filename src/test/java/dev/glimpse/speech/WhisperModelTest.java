package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhisperModelTest {

    private static WhisperModel model;

    @BeforeAll
    static void load() {
        model = WhisperModel.load(WhisperReference.MODEL, WhisperReference.TEST_OPTIONS);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void encoderEmbeddingsMatchTheReferenceWithin1e4() {
        try (NDManager call = model.manager().newSubManager()) {
            float[] embeddings = model.encoder().embed(referenceFeatures(call)).toFloatArray();

            assertClose("encoder embeddings", embeddings, WhisperReference.tensor("encoder_conv_out"), 1e-4);
        }
    }

    @Test
    void encoderOutputMatchesTheReferenceWithin1e4() {
        try (NDManager call = model.manager().newSubManager()) {
            float[] hidden = model.encoder().forward(referenceFeatures(call)).toFloatArray();

            assertClose(
                    "encoder last_hidden_state", hidden, WhisperReference.tensor("encoder_last_hidden_state"), 1e-4);
        }
    }

    @Test
    void teacherForcedDecoderLogitsMatchTheReferenceWithin1e4() {
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = referenceEncoderOutput(call);
            int[] ids = WhisperReference.ids("decoder_input_ids");

            float[] logits = model.decoder()
                    .logits(model.decoder().forward(call, ids, encoded, null))
                    .toFloatArray();

            assertClose("decoder logits", logits, WhisperReference.tensor("decoder_logits"), 1e-4);
        }
    }

    @Test
    void cachedStepByStepDecodingGivesTheSameLogitsAsOneFullPass() {
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = referenceEncoderOutput(call);
            int[] ids = WhisperReference.ids("decoder_input_ids");
            float[] full = WhisperReference.tensor("decoder_logits");
            int vocabulary = model.config().vocabSize();
            KvCache cache = new KvCache(model.decoder().layerCount());

            float[] promptLogits =
                    model.decoder().nextTokenLogits(call, java.util.Arrays.copyOf(ids, 4), encoded, cache);
            assertClose("position 3", promptLogits, row(full, 3, vocabulary), 1e-4);
            for (int position = 4; position < ids.length; position++) {
                float[] step = model.decoder().nextTokenLogits(call, new int[] {ids[position]}, encoded, cache);
                assertClose("position " + position, step, row(full, position, vocabulary), 1e-4);
            }
            assertThat(cache.length()).isEqualTo(ids.length);
        }
    }

    private static NDArray referenceFeatures(NDManager call) {
        return call.create(WhisperReference.inputFeatures(), new Shape(1, 80, 3000));
    }

    private static NDArray referenceEncoderOutput(NDManager call) {
        return call.create(WhisperReference.tensor("encoder_last_hidden_state"), new Shape(1, 1500, 32));
    }

    private static float[] row(float[] matrix, int row, int width) {
        return java.util.Arrays.copyOfRange(matrix, row * width, (row + 1) * width);
    }

    static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
        assertThat(actual).as(what + " size").hasSameSizeAs(expected);
        double max = WhisperFeatureExtractorTest.maxAbsDifference(actual, expected);
        System.out.printf("%s: max |difference| %.3g%n", what, max);
        assertThat(max).as(what + " max |difference|").isLessThan(tolerance);
    }
}
