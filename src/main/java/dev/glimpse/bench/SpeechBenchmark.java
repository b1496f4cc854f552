package dev.glimpse.bench;

import dev.glimpse.speech.TranscriberOptions;
import dev.glimpse.speech.WhisperStageTimer;
import dev.glimpse.speech.WhisperTranscriber;
import java.util.List;

/** Whisper at full size with random weights: encoder time for a 30 s clip and the time to decode 20 tokens. */
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
                    List.of("generation_config.json", "preprocessor_config.json", "tokenizer.json"),
                    folder.path());
            try (WhisperTranscriber transcriber =
                    WhisperTranscriber.load(folder.path(), TranscriberOptions.defaults())) {
                measure(transcriber);
            }
        }
    }

    private void measure(WhisperTranscriber transcriber) {
        Progress.say("Whisper: encoder and " + TOKENS + "-token decode");
        float[] clip = clip(30);
        WhisperStageTimer.time(transcriber, clip, TOKENS); // warm-up
        int runs = options.measuredRuns();
        double[] encoder = new double[runs];
        double[] decode = new double[runs];
        for (int i = 0; i < runs; i++) {
            WhisperStageTimer.Times times = WhisperStageTimer.time(transcriber, clip, TOKENS);
            encoder[i] = times.encoderMillis();
            decode[i] = times.decodeMillis();
        }
        report.add("Whisper encoder, 30 s clip (median)", Timings.median(encoder), "ms");
        double decodeMillis = Timings.median(decode);
        report.add("Whisper decode, 20 tokens with cache (median)", decodeMillis, "ms");
        report.add("Whisper decode per token", decodeMillis / TOKENS, "ms/token");
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
