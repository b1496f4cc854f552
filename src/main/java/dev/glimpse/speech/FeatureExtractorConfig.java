package dev.glimpse.speech;

import com.google.gson.JsonObject;
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
        Path file = modelDir.resolve(FILE);
        JsonObject json = JsonFiles.read(file);
        int samplingRate = JsonFiles.intOr(json, "sampling_rate", 16_000);
        int hopLength = JsonFiles.intOr(json, "hop_length", 160);
        int windowSamples =
                JsonFiles.intOr(json, "n_samples", JsonFiles.intOr(json, "chunk_length", 30) * samplingRate);
        return new FeatureExtractorConfig(
                JsonFiles.require(json, "feature_size", file).getAsInt(),
                samplingRate,
                JsonFiles.intOr(json, "n_fft", 400),
                hopLength,
                windowSamples,
                JsonFiles.intOr(json, "nb_max_frames", windowSamples / hopLength));
    }
}
