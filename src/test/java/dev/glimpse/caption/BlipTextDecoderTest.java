package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlipTextDecoderTest {

    private static final ReferenceOutputs REFERENCE = ReferenceOutputs.load();
    private static TinyBlip model;

    @BeforeAll
    static void load() {
        model = new TinyBlip();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void teacherForcedLogitsMatchReference() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray logits = model.decoder.logits(referenceIds(request), 0, referenceImageEmbeds(request), null);

            assertThat(logits.getShape()).isEqualTo(new Shape(REFERENCE.shape("decoder_logits")));
            double difference = TinyBlip.maxAbsDifference(logits, REFERENCE.tensor("decoder_logits"));
            System.out.printf("decoder_logits: max abs difference %.3g%n", difference);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    @Test
    void stepwiseLogitsWithCacheMatchTeacherForcedLogits() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray ids = referenceIds(request);
            NDArray imageEmbeds = referenceImageEmbeds(request);
            float[] full = model.decoder.logits(ids, 0, imageEmbeds, null).toFloatArray();
            KvCache cache = new KvCache(model.decoder.layerCount());
            int vocab = model.config.text().vocabSize();
            long length = ids.getShape().get(1);
            for (int t = 0; t < length; t++) {
                NDArray step = ids.get(":, " + t + ":" + (t + 1));
                float[] logits =
                        model.decoder.lastLogits(step, t, imageEmbeds, cache).toFloatArray();
                float[] expected = Arrays.copyOfRange(full, t * vocab, (t + 1) * vocab);
                for (int i = 0; i < vocab; i++) {
                    assertThat(Math.abs(logits[i] - expected[i])).isLessThan(1e-4f);
                }
            }
        }
    }

    private static NDArray referenceIds(NDManager manager) {
        long[] ids = Arrays.stream(REFERENCE.decoderInputIds()).asLongStream().toArray();
        return manager.create(ids, new Shape(1, ids.length));
    }

    private static NDArray referenceImageEmbeds(NDManager manager) {
        return manager.create(REFERENCE.tensor("image_embeds"), new Shape(REFERENCE.shape("image_embeds")));
    }
}
