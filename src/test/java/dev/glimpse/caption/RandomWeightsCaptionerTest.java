package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generation with ordinary-sized random weights in blip-tiny's architecture, where (unlike the
 * fixture's near-zero vision weights) the image really steers the caption.
 */
class RandomWeightsCaptionerTest {

    private static final Path CONFIG = TinyBlip.DIR.resolve("config.json");

    private static BlipCaptioner captioner(CaptionOptions options) {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(1234);
        return BlipCaptioner.withRandomWeights(CONFIG, TinyBlip.DIR, options);
    }

    @Test
    void differentImagesGetDifferentCaptions() {
        try (BlipCaptioner captioner = captioner(CaptionOptions.defaults())) {
            List<int[]> ids = captioner.generate(images(3));

            assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
            assertThat(ids.get(1)).isNotEqualTo(ids.get(2));
        }
    }

    @Test
    void batchedImagesGetTheIdsTheyGetAlone() {
        float[][] batch = images(3);
        try (BlipCaptioner captioner = captioner(CaptionOptions.defaults())) {
            List<int[]> together = captioner.generate(batch);

            for (int i = 0; i < batch.length; i++) {
                assertThat(together.get(i))
                        .containsExactly(
                                captioner.generate(new float[][] {batch[i]}).getFirst());
            }
        }
    }

    @Test
    void cachedAndUncachedDecodingAgreeForGreedyAndBeamSearch() {
        float[][] batch = images(2);
        for (int beams : new int[] {1, 3}) {
            CaptionOptions options =
                    CaptionOptions.defaults().withNumBeams(beams).withMaxNewTokens(12);
            try (BlipCaptioner cached = captioner(options);
                    BlipCaptioner uncached = captioner(options.withKvCache(false))) {
                List<int[]> expected = uncached.generate(batch);
                List<int[]> actual = cached.generate(batch);

                for (int i = 0; i < batch.length; i++) {
                    assertThat(actual.get(i)).as("beams %d image %d", beams, i).containsExactly(expected.get(i));
                }
            }
        }
    }

    @Test
    void captionsAnImageWithRandomWeights() {
        try (BlipCaptioner captioner = captioner(CaptionOptions.defaults())) {
            assertThat(captioner.modelName()).contains("config.json");
            assertThat(captioner.caption(List.of(
                            new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB))))
                    .hasSize(1);
        }
    }

    private static float[][] images(int count) {
        Random random = new Random(99);
        float[][] images = new float[count][3 * 384 * 384];
        for (float[] image : images) {
            float offset = (float) random.nextGaussian();
            for (int i = 0; i < image.length; i++) {
                image[i] = offset + (float) random.nextGaussian();
            }
        }
        return images;
    }
}
