package dev.glimpse.tools.bench;

import dev.glimpse.speech.TranscribeRequest;
import dev.glimpse.speech.TranscriberOptions;
import dev.glimpse.speech.TranscriptionStages;
import dev.glimpse.speech.TranscriptionTask;
import dev.glimpse.speech.WhisperTranscriber;
import dev.glimpse.speech.WhisperWork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whisper at full size with random weights: every stage of a voice query over a 30 s clip as the transcriber reports
 * it ({@link TranscriptionStages}), up to 20 tokens, in the model's first language.
 */
final class SpeechBenchmark {

    static final int TOKENS = 20;
    private static final int SAMPLE_RATE = 16_000;

    private final BenchmarkOptions options;
    private final BenchmarkReport report;

    SpeechBenchmark(BenchmarkOptions options, BenchmarkReport report) {
        this.options = options;
        this.report = report;
    }

    void run() {
        try (TempFolder folder = new TempFolder("glimpse-bench-whisper")) {
            Progress.say("Whisper: writing a random checkpoint");
            RandomCheckpoint.write(
                    options.config("whisper-base"),
                    options.fixtureModel("whisper-tiny"),
                    RandomCheckpoint.COMPANION_FILES,
                    folder.path());
            try (WhisperTranscriber transcriber = WhisperTranscriber.load(
                    folder.path(), TranscriberOptions.defaults().withMaxNewTokens(TOKENS))) {
                measure(transcriber);
            }
        }
    }

    /**
     * Every stage of one voice query over a WAV file of a 30 s clip, and the whole decode, each run followed at once
     * by its bounds.
     */
    private void measure(WhisperTranscriber transcriber) {
        Progress.say("Whisper: stage breakdown, encoder and " + TOKENS + "-token decode");
        Timings.settle();
        byte[] wav = wav(clip(30));
        TranscribeRequest request =
                new TranscribeRequest(transcriber.languages().iterator().next(), TranscriptionTask.TRANSCRIBE);
        WhisperWork work = WhisperWork.of(transcriber);
        List<RecordedStages> stages = new ArrayList<>();
        Samples encoder = new Samples();
        Samples step = new Samples();
        Samples head = new Samples();
        Samples perToken = new Samples();
        double gflops;
        try (Bounds.Gemm encoderBound = new Bounds.Gemm(work.encoderFlops(), work.positions(), work.width());
                Bounds.GemvChain stepBound = new Bounds.GemvChain(work.stepWeights());
                Bounds.GemvChain headBound = new Bounds.GemvChain(work.headWeights())) {
            transcriber.transcribe(wav, request, new RecordedStages()); // warm-up
            for (int i = 0; i < options.stageRuns(); i++) {
                RecordedStages stage = new RecordedStages();
                transcriber.transcribe(wav, request, stage);
                stages.add(stage);
                double e = encoderBound.millis();
                double s = stepBound.millis();
                double h = headBound.millis();
                encoder.add(stage.millis(TranscriptionStages.ENCODER), e);
                step.add(stage.medianMillis(TranscriptionStages.STEP), s);
                head.add(stage.medianMillis(TranscriptionStages.HEAD), h);
                // the prompt pass gives the first token, each later step one more
                int tokens = stage.count(TranscriptionStages.STEP) + 1;
                perToken.add(stage.millis(TranscriptionStages.DECODE) / tokens, s + h);
            }
            gflops = encoderBound.gflops(encoder.bound());
        }
        report.add(
                "Whisper audio decode, 30 s WAV",
                median(stages, stage -> stage.millis(TranscriptionStages.AUDIO_DECODE)),
                "ms");
        report.add("Whisper log-mel, 30 s", median(stages, stage -> stage.millis(TranscriptionStages.LOG_MEL)), "ms");
        report.addBounded(
                "Whisper encoder, 30 s clip (median)",
                encoder,
                "ms",
                Bounds.gemmBound(work.encoderFlops(), work.positions(), work.width(), gflops));
        report.add(
                "Whisper prompt pass (incl. cross-attention K/V)",
                median(
                        stages,
                        stage -> stage.millis(TranscriptionStages.CROSS_KV) + stage.millis(TranscriptionStages.PROMPT)),
                "ms");
        report.addBounded("Whisper decode step, layers (per token)", step, "ms", Bounds.stepBound(work.stepWeights()));
        report.addBounded(
                "Whisper output projection, last position (per token)",
                head,
                "ms",
                String.format(
                        Locale.ROOT,
                        "bound: GEMV over the projection (%.0f MB)",
                        Bounds.megabytes(work.headWeights())));
        report.add(
                "Whisper native ops per decode step",
                median(stages, stage -> stage.figure(TranscriptionStages.STEP_ARRAYS)),
                "arrays created (JNI calls)");
        WeightStreaming.report(report, "Whisper", work.stepWeights(), options.stageRuns());
        report.add(
                "Whisper decode, " + TOKENS + " tokens with cache (median)",
                median(stages, stage -> stage.millis(TranscriptionStages.DECODE)),
                "ms");
        report.addBounded(
                "Whisper decode per token",
                perToken,
                "ms/token",
                "bound: layers + projection bounds (the prompt pass is in the average)");
    }

    private static double median(List<RecordedStages> stages, ToDoubleFunction<RecordedStages> field) {
        return Timings.median(stages.stream().mapToDouble(field).toArray());
    }

    /** The samples as a 16-bit PCM mono WAV file. */
    static byte[] wav(float[] samples) {
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length);
        out.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1);
        out.putInt(SAMPLE_RATE).putInt(2 * SAMPLE_RATE).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (float sample : samples) {
            out.putShort((short) Math.round(Math.max(-1f, Math.min(1f, sample)) * Short.MAX_VALUE));
        }
        return out.array();
    }

    /** A tone with a little noise, {@code seconds} long at 16 kHz. */
    static float[] clip(int seconds) {
        float[] samples = new float[seconds * SAMPLE_RATE];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / SAMPLE_RATE) + 0.01 * random.nextGaussian());
        }
        return samples;
    }
}
