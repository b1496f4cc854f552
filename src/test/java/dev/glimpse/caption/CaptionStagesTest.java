package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.StageTimings;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.StageRecorder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The captioner reports the stages of the caption it computes, and timing them changes nothing of the caption. */
class CaptionStagesTest {

    @Test
    void captionReportsEveryStageInOrderAndTheSameCaptionAsUntimed() {
        try (BlipCaptioner captioner = BlipCaptioner.load(
                Fixtures.model("blip-tiny"), CaptionOptions.defaults().withMaxNewTokens(6))) {
            BufferedImage image = image();
            StageRecorder recorder = new StageRecorder();

            String timed = captioner.caption(List.of(image), recorder).getFirst();

            List<String> stages = recorder.stages();
            System.out.println("BLIP stages: " + recorder.runs());
            assertThat(timed).isEqualTo(captioner.caption(List.of(image)).getFirst());
            int steps = Collections.frequency(stages, CaptionStages.STEP);
            assertThat(stages.subList(0, 4))
                    .containsExactly(
                            CaptionStages.PREPROCESS,
                            CaptionStages.VISION,
                            CaptionStages.CROSS_KV,
                            CaptionStages.PROMPT);
            assertThat(stages.getLast()).isEqualTo(CaptionStages.POSTPROCESS);
            assertThat(Collections.frequency(stages, CaptionStages.HEAD)).isEqualTo(steps);
            assertThat(stages).hasSize(5 + 2 * steps);
            assertThat(recorder.runs())
                    .allSatisfy(run -> assertThat(run.nanos()).isPositive());
            if (steps > 0) {
                assertThat(recorder.figures().get(CaptionStages.STEP_ARRAYS))
                        .isGreaterThan(captioner.config().text().layers());
            }
        }
    }

    @Test
    void withoutTheCacheEveryPassIsStillReportedButNoCrossAttentionPrefill() {
        try (BlipCaptioner captioner = BlipCaptioner.load(
                Fixtures.model("blip-tiny"),
                CaptionOptions.defaults().withMaxNewTokens(4).withKvCache(false))) {
            StageRecorder recorder = new StageRecorder();

            captioner.caption(List.of(image()), recorder);

            assertThat(recorder.stages())
                    .doesNotContain(CaptionStages.CROSS_KV)
                    .contains(CaptionStages.VISION, CaptionStages.PROMPT);
        }
    }

    @Test
    void noTimingsReadsNoClock() {
        assertThat(StageTimings.NONE.enabled()).isFalse();
        assertThat(StageTimings.NONE.start()).isZero();
    }

    @Test
    void workCountsEveryWeightMatrixAStepReadsAndTheEncoderFlops() {
        try (BlipCaptioner captioner = BlipCaptioner.load(Fixtures.model("blip-tiny"), CaptionOptions.defaults())) {
            BlipConfig config = captioner.config();

            BlipWork work = BlipWork.of(captioner);

            assertThat(work.stepWeights()).hasSize(10 * config.text().layers());
            assertThat(work.headWeights().getLast())
                    .containsExactly(config.text().vocabSize(), config.text().hiddenSize());
            assertThat(work.imageTokens()).isEqualTo(config.vision().sequenceLength());
            assertThat(work.visionFlops()).isGreaterThan(work.crossKvFlops()).isPositive();
        }
    }

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(8, 8, 30, 20);
        graphics.dispose();
        return image;
    }
}
