package dev.glimpse.speech;

/**
 * Whisper's log-mel spectrogram, computed as transformers' {@code WhisperFeatureExtractor} does: the
 * samples padded with zeros (or cut) to the 30 s window, a centred STFT (reflect padding, periodic Hann
 * window of {@code n_fft}, hop {@code hop_length}) whose last frame is dropped, the power spectrum through
 * Slaney mel filters, {@code log10} of at least 1e-10, floored at the maximum minus 8 and scaled by
 * {@code (x + 4) / 4}. Computed in double precision; thread-safe.
 */
final class WhisperFeatureExtractor {

    private static final double MEL_FLOOR = 1e-10;
    private static final double DYNAMIC_RANGE = 8.0;

    private final FeatureExtractorConfig config;
    private final double[] window;
    private final double[][] melFilters;
    /** Per mel filter, the first and one past the last FFT bin with a non-zero weight. */
    private final int[] filterStart;

    private final int[] filterEnd;
    private final Fft fft;

    WhisperFeatureExtractor(FeatureExtractorConfig config) {
        this.config = config;
        this.window = periodicHann(config.fftSize());
        this.melFilters = MelFilterBank.slaney(
                config.fftSize() / 2 + 1, config.melBins(), 0.0, config.samplingRate() / 2.0, config.samplingRate());
        this.fft = new Fft(config.fftSize());
        this.filterStart = new int[melFilters.length];
        this.filterEnd = new int[melFilters.length];
        for (int m = 0; m < melFilters.length; m++) {
            double[] filter = melFilters[m];
            int start = 0;
            while (start < filter.length && filter[start] == 0.0) {
                start++;
            }
            int end = filter.length;
            while (end > start && filter[end - 1] == 0.0) {
                end--;
            }
            filterStart[m] = start;
            filterEnd[m] = end;
        }
    }

    FeatureExtractorConfig config() {
        return config;
    }

    /** Returns the log-mel features of 16 kHz mono samples, row-major {@code [melBins, frames]}. */
    float[] extract(float[] samples) {
        double[] padded = reflectPad(fitToWindow(samples), config.fftSize() / 2);
        double[][] mel = melSpectrogram(padded);
        return normalise(mel);
    }

    private double[] fitToWindow(float[] samples) {
        double[] fitted = new double[config.windowSamples()];
        int count = Math.min(samples.length, fitted.length);
        for (int i = 0; i < count; i++) {
            fitted[i] = samples[i];
        }
        return fitted;
    }

    /** Mel energies per frame, {@code [frames][melBins]}. */
    private double[][] melSpectrogram(double[] padded) {
        int fftSize = config.fftSize();
        int bins = fftSize / 2 + 1;
        double[][] mel = new double[config.frames()][];
        double[] frame = new double[fftSize];
        double[] re = new double[fftSize];
        double[] im = new double[fftSize];
        double[] power = new double[bins];
        int lastNonZero = padded.length - 1;
        while (lastNonZero >= 0 && padded[lastNonZero] == 0.0) {
            lastNonZero--;
        }
        double[] silence = new double[config.melBins()];
        for (int t = 0; t < config.frames(); t++) {
            int start = t * config.hopLength();
            if (start > lastNonZero) {
                mel[t] = silence; // the zero padding of a short clip: its spectrum is exactly zero
                continue;
            }
            for (int i = 0; i < fftSize; i++) {
                frame[i] = start + i < padded.length ? padded[start + i] * window[i] : 0.0;
            }
            fft.transformReal(frame, re, im);
            for (int k = 0; k < bins; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            mel[t] = applyFilters(power);
        }
        return mel;
    }

    private double[] applyFilters(double[] power) {
        double[] energies = new double[melFilters.length];
        for (int m = 0; m < melFilters.length; m++) {
            double[] filter = melFilters[m];
            double sum = 0;
            for (int k = filterStart[m]; k < filterEnd[m]; k++) {
                sum += filter[k] * power[k];
            }
            energies[m] = sum;
        }
        return energies;
    }

    private float[] normalise(double[][] mel) {
        int frames = mel.length;
        int bins = config.melBins();
        double[] logMel = new double[bins * frames];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < bins; m++) {
                double value = Math.log10(Math.max(MEL_FLOOR, mel[t][m]));
                logMel[m * frames + t] = value;
                max = Math.max(max, value);
            }
        }
        double floor = max - DYNAMIC_RANGE;
        float[] features = new float[logMel.length];
        for (int i = 0; i < logMel.length; i++) {
            features[i] = (float) ((Math.max(logMel[i], floor) + 4.0) / 4.0);
        }
        return features;
    }

    private static double[] reflectPad(double[] samples, int pad) {
        int n = samples.length;
        double[] padded = new double[n + 2 * pad];
        System.arraycopy(samples, 0, padded, pad, n);
        for (int i = 1; i <= pad; i++) {
            padded[pad - i] = samples[i];
            padded[pad + n - 1 + i] = samples[n - 1 - i];
        }
        return padded;
    }

    private static double[] periodicHann(int length) {
        double[] window = new double[length];
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
        }
        return window;
    }
}
