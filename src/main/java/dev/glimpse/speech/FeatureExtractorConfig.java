package dev.glimpse.speech;

import dev.glimpse.ml.ConfigJson;
import java.nio.file.Path;

/**
 * The settings of Whisper's feature extractor as {@code preprocessor_config.json} gives them: mel bins
 * ({@code feature_size}, 80 or 128), sampling rate, FFT size, hop length and the fixed window of
 * {@code n_samples} samples ({@code nb_max_frames} frames).
 */
record FeatureExtractorConfig(
        int melBins, int samplingRate, int fftSize, int hopLength, int windowSamples, int frames) {

    static final String FILE = "preprocessor_config.json";

    FeatureExtractorConfig {
        if (melBins <= 0 || samplingRate <= 0 || fftSize <= 1 || hopLength <= 0 || windowSamples <= 0 || frames <= 0) {
            throw new IllegalArgumentException("Invalid feature extractor settings: " + melBins + " mel bins, "
                    + samplingRate + " Hz, n_fft " + fftSize + ", hop " + hopLength + ", " + windowSamples
                    + " samples, " + frames + " frames");
        }
    }

    static FeatureExtractorConfig load(Path modelDir) {
        ConfigJson json = ConfigJson.read(modelDir.resolve(FILE));
        int samplingRate = json.intOr("sampling_rate", 16_000);
        int hopLength = json.intOr("hop_length", 160);
        int windowSamples = json.intOr("n_samples", json.intOr("chunk_length", 30) * samplingRate);
        return new FeatureExtractorConfig(
                json.requireInt("feature_size"),
                samplingRate,
                json.intOr("n_fft", 400),
                hopLength,
                windowSamples,
                json.intOr("nb_max_frames", windowSamples / hopLength));
    }
}
