package dev.glimpse.speech;

/**
 * Triangular mel filters on the Slaney mel scale with Slaney area normalisation, built as transformers'
 * {@code mel_filter_bank(..., norm="slaney", mel_scale="slaney")} (librosa's default filters): filter
 * edges evenly spaced in mel between the minimum and maximum frequency, FFT bins evenly spaced from 0 Hz
 * to half the sampling rate.
 */
final class MelFilterBank {

    private static final double MIN_LOG_HERTZ = 1000.0;
    private static final double MIN_LOG_MEL = 15.0;
    private static final double LOG_STEP = 27.0 / Math.log(6.4);

    private MelFilterBank() {}

    /** Returns the weights as {@code [melBins][frequencyBins]}. */
    static double[][] slaney(int frequencyBins, int melBins, double minHertz, double maxHertz, int samplingRate) {
        double[] edges = filterEdgesHertz(melBins, minHertz, maxHertz);
        double[][] filters = new double[melBins][frequencyBins];
        for (int mel = 0; mel < melBins; mel++) {
            double lower = edges[mel];
            double center = edges[mel + 1];
            double upper = edges[mel + 2];
            double areaNorm = 2.0 / (upper - lower);
            for (int bin = 0; bin < frequencyBins; bin++) {
                double hertz = (double) (samplingRate / 2) * bin / (frequencyBins - 1);
                double rising = (hertz - lower) / (center - lower);
                double falling = (upper - hertz) / (upper - center);
                filters[mel][bin] = Math.max(0.0, Math.min(rising, falling)) * areaNorm;
            }
        }
        return filters;
    }

    private static double[] filterEdgesHertz(int melBins, double minHertz, double maxHertz) {
        double minMel = hertzToMel(minHertz);
        double maxMel = hertzToMel(maxHertz);
        double[] edges = new double[melBins + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHertz(minMel + (maxMel - minMel) * i / (melBins + 1));
        }
        return edges;
    }

    static double hertzToMel(double hertz) {
        return hertz >= MIN_LOG_HERTZ ? MIN_LOG_MEL + Math.log(hertz / MIN_LOG_HERTZ) * LOG_STEP : 3.0 * hertz / 200.0;
    }

    static double melToHertz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HERTZ * Math.exp((mel - MIN_LOG_MEL) / LOG_STEP) : 200.0 * mel / 3.0;
    }
}
