package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class WhisperStageTimerTest {

    @Test
    void timesTheEncoderAndTheRequestedNumberOfDecodedTokens() {
        try (WhisperTranscriber transcriber =
                WhisperTranscriber.load(Fixtures.model("whisper-tiny"), TranscriberOptions.defaults())) {
            float[] silence = new float[16_000 * 30];

            WhisperStageTimer.Times times = WhisperStageTimer.time(transcriber, silence, 40);

            assertThat(times.encoderMillis()).isPositive();
            assertThat(times.decodeMillis()).isPositive();
            assertThat(times.tokens()).isEqualTo(40);
            assertThatThrownBy(() -> WhisperStageTimer.time(transcriber, silence, 0))
                    .hasMessageContaining("at least 1");
        }
    }
}
