package dev.glimpse.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.testsupport.Fixtures;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlipStageTimerTest {

    @Test
    void timesEveryStageAndCountsTheNativeOperationsOfAStep() {
        try (BlipCaptioner captioner = BlipCaptioner.load(Fixtures.model("blip-tiny"), CaptionOptions.defaults())) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);

            BlipStageTimer.Times times = BlipStageTimer.time(captioner, image, 5);

            assertThat(times.preprocessMillis()).isPositive();
            assertThat(times.visionMillis()).isPositive();
            assertThat(times.crossKvMillis()).isPositive();
            assertThat(times.stepMillis()).isPositive();
            assertThat(times.headMillis()).isPositive();
            assertThat(times.postprocessMillis()).isPositive();
            assertThat(times.arraysPerStep())
                    .isGreaterThan(captioner.config().text().layers());
            assertThatThrownBy(() -> BlipStageTimer.time(captioner, image, 1)).hasMessageContaining("at least 2");
        }
    }

    @Test
    void workCountsEveryWeightMatrixAStepReadsAndTheEncoderFlops() {
        try (BlipCaptioner captioner = BlipCaptioner.load(Fixtures.model("blip-tiny"), CaptionOptions.defaults())) {
            BlipConfig config = captioner.config();

            BlipStageTimer.Work work = BlipStageTimer.work(captioner);

            assertThat(work.stepWeights()).hasSize(10 * config.text().layers());
            assertThat(work.headWeights().getLast())
                    .containsExactly(config.text().vocabSize(), config.text().hiddenSize());
            assertThat(work.imageTokens()).isEqualTo(config.vision().sequenceLength());
            assertThat(work.visionFlops()).isGreaterThan(work.crossKvFlops()).isPositive();
        }
    }
}
