package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlipVisionModelTest {

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
    void embeddingsMatchReference() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray embeddings = model.vision.embed(referencePixels(request));

            assertThat(embeddings.getShape()).isEqualTo(new Shape(REFERENCE.shape("vision_embeddings")));
            assertThat(TinyBlip.maxAbsDifference(embeddings, REFERENCE.tensor("vision_embeddings")))
                    .isLessThan(1e-4);
        }
    }

    @Test
    void firstEncoderLayerMatchesReference() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray layer0 = model.vision.layer(0).forward(model.vision.embed(referencePixels(request)));

            assertThat(TinyBlip.maxAbsDifference(layer0, REFERENCE.tensor("vision_layer0")))
                    .isLessThan(1e-4);
        }
    }

    @Test
    void imageEmbedsMatchReference() {
        try (NDManager request = model.manager.newSubManager()) {
            NDArray imageEmbeds = model.vision.forward(referencePixels(request));

            assertThat(imageEmbeds.getShape()).isEqualTo(new Shape(REFERENCE.shape("image_embeds")));
            double difference = TinyBlip.maxAbsDifference(imageEmbeds, REFERENCE.tensor("image_embeds"));
            System.out.printf("image_embeds: max abs difference %.3g%n", difference);
            assertThat(difference).isLessThan(1e-4);
        }
    }

    @Test
    void requestArraysStayOffTheModelManager() {
        int before = model.manager.getManagedArrays().size();
        try (NDManager request = model.manager.newSubManager()) {
            model.vision.forward(referencePixels(request));
        }
        assertThat(model.manager.getManagedArrays()).hasSize(before);
    }

    static NDArray referencePixels(NDManager manager) {
        return manager.create(REFERENCE.tensor("pixel_values"), new Shape(REFERENCE.shape("pixel_values")));
    }
}
