package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.StageTimings;
import dev.glimpse.ml.generation.BeamSearch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BlipCaptionerTest {

    private static final ReferenceOutputs REFERENCE = ReferenceOutputs.load();

    private static BlipCaptioner load(CaptionOptions options) {
        return BlipCaptioner.load(TinyBlip.DIR, options);
    }

    private static CaptionOptions referenceOptions() {
        return CaptionOptions.defaults().withMaxNewTokens(REFERENCE.maxNewTokens());
    }

    @Test
    void greedyDecodingReproducesReferenceIds() {
        try (BlipCaptioner captioner = load(referenceOptions())) {
            List<int[]> ids = captioner.generate(new float[][] {REFERENCE.tensor("pixel_values")});

            assertThat(ids).hasSize(1);
            assertThat(ids.getFirst()).containsExactly(REFERENCE.generatedIds());
        }
    }

    @Test
    void decodingWithoutCacheGivesTheSameIds() {
        try (BlipCaptioner captioner = load(referenceOptions().withKvCache(false))) {
            List<int[]> ids = captioner.generate(new float[][] {REFERENCE.tensor("pixel_values")});

            assertThat(ids.getFirst()).containsExactly(REFERENCE.generatedIds());
        }
    }

    @Test
    void beamSearchWithOneBeamEqualsGreedy() {
        float[][] batch = {REFERENCE.tensor("pixel_values"), otherPixels()};
        try (BlipCaptioner greedy = load(referenceOptions());
                BlipCaptioner beam = load(referenceOptions())) {
            List<int[]> greedyIds = greedy.generate(batch);
            BlipConfig.Text text = beam.config().text();
            BeamSearch search = new BeamSearch(1, text.bosTokenId(), text.sepTokenId(), REFERENCE.maxNewTokens(), 1.0);
            List<int[]> beamIds =
                    beam.decode(batch, StageTimings.NONE, session -> search.generate(session, batch.length));

            assertThat(beamIds).hasSize(2);
            assertThat(beamIds.get(0)).containsExactly(greedyIds.get(0));
            assertThat(beamIds.get(1)).containsExactly(greedyIds.get(1));
        }
    }

    @Test
    void beamSearchGivesTheSameIdsWithAndWithoutCache() {
        float[][] batch = {REFERENCE.tensor("pixel_values"), otherPixels()};
        CaptionOptions beams = CaptionOptions.defaults().withNumBeams(3).withMaxNewTokens(8);
        try (BlipCaptioner cached = load(beams);
                BlipCaptioner uncached = load(beams.withKvCache(false))) {
            List<int[]> expected = uncached.generate(batch);
            List<int[]> actual = cached.generate(batch);

            assertThat(actual).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(actual.get(i)).containsExactly(expected.get(i));
                assertThat(actual.get(i)[0]).isEqualTo(30522);
            }
        }
    }

    @Test
    void captionOfReferenceImageIsTheReferenceText() throws IOException {
        BufferedImage image = ImageIO.read(REFERENCE.dir().resolve("image.png").toFile());
        try (BlipCaptioner captioner = load(referenceOptions())) {
            assertThat(captioner.caption(List.of(image))).containsExactly(REFERENCE.text());
        }
    }

    @Test
    void batchedImagesGetTheCaptionsTheyGetAlone() {
        float[][] batch = {otherPixels(), REFERENCE.tensor("pixel_values"), scaledPixels(0.5f)};
        try (BlipCaptioner captioner = load(CaptionOptions.defaults())) {
            List<int[]> together = captioner.generate(batch);

            for (int i = 0; i < batch.length; i++) {
                assertThat(together.get(i))
                        .containsExactly(
                                captioner.generate(new float[][] {batch[i]}).getFirst());
            }
        }
    }

    @Test
    void stopsAtMaxNewTokens() {
        try (BlipCaptioner captioner = load(CaptionOptions.defaults().withMaxNewTokens(3))) {
            int[] ids = captioner
                    .generate(new float[][] {REFERENCE.tensor("pixel_values")})
                    .getFirst();

            assertThat(ids).containsExactly(java.util.Arrays.copyOf(REFERENCE.generatedIds(), 4));
        }
    }

    private static float[] otherPixels() {
        float[] pixels = REFERENCE.tensor("pixel_values").clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = -pixels[i] * 0.7f + (float) Math.sin(i * 0.001);
        }
        return pixels;
    }

    private static float[] scaledPixels(float factor) {
        float[] pixels = REFERENCE.tensor("pixel_values").clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] *= factor;
        }
        return pixels;
    }
}
