package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.StageRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcriber reports the stages of the transcription it computes, and timing them changes nothing of it. */
class TranscriptionStagesTest {

    @Test
    void transcriptionReportsEveryStageInOrderAndTheSameTextAsUntimed() throws IOException {
        byte[] recording = Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav"));
        try (WhisperTranscriber transcriber = WhisperTranscriber.load(
                Fixtures.model("whisper-tiny"), TranscriberOptions.defaults().withMaxNewTokens(12))) {
            StageRecorder recorder = new StageRecorder();

            Transcript timed = transcriber.transcribe(recording, TranscribeRequest.defaults(), recorder);

            List<String> stages = recorder.stages();
            System.out.println("Whisper stages: " + recorder.runs() + "; heard '" + timed.text() + "'");
            assertThat(timed).isEqualTo(transcriber.transcribe(recording, TranscribeRequest.defaults()));
            int steps = Collections.frequency(stages, TranscriptionStages.STEP);
            assertThat(steps).isPositive();
            assertThat(stages.subList(0, 6))
                    .containsExactly(
                            TranscriptionStages.AUDIO_DECODE,
                            TranscriptionStages.LOG_MEL,
                            TranscriptionStages.ENCODER,
                            TranscriptionStages.LANGUAGE,
                            TranscriptionStages.CROSS_KV,
                            TranscriptionStages.PROMPT);
            assertThat(stages.getLast()).isEqualTo(TranscriptionStages.DECODE);
            assertThat(Collections.frequency(stages, TranscriptionStages.HEAD)).isEqualTo(steps);
            assertThat(stages).hasSize(7 + 2 * steps);
            assertThat(recorder.runs())
                    .allSatisfy(run -> assertThat(run.nanos()).isPositive());
            assertThat(recorder.figures().get(TranscriptionStages.STEP_ARRAYS)).isGreaterThan(4);
        }
    }

    @Test
    void workCountsEveryWeightMatrixAStepReadsAndTheEncoderFlops() {
        try (WhisperTranscriber transcriber =
                WhisperTranscriber.load(Fixtures.model("whisper-tiny"), TranscriberOptions.defaults())) {
            WhisperConfig config = transcriber.model().config();

            WhisperWork work = WhisperWork.of(transcriber);

            assertThat(work.stepWeights()).hasSize(10 * config.decoderLayers());
            assertThat(work.headWeights()).containsExactly(new long[] {config.vocabSize(), config.dModel()});
            assertThat(work.positions()).isEqualTo(config.maxSourcePositions());
            assertThat(work.encoderFlops()).isPositive();
        }
    }
}
