package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WhisperFeatureExtractorTest {

    private static final Path MODEL = Fixtures.model("whisper-tiny");

    @Test
    void logMelOfReferenceAudioMatchesTransformersWithin1e3() throws IOException {
        WhisperFeatureExtractor extractor = new WhisperFeatureExtractor(FeatureExtractorConfig.load(MODEL));
        float[] expected = Fixtures.readF32(MODEL.resolve("reference/input_features.f32"));

        float[] features = extractor.extract(readPcm16Wav(MODEL.resolve("reference/audio.wav")));

        assertThat(features).hasSize(80 * 3000).hasSameSizeAs(expected);
        double maxDifference = maxAbsDifference(features, expected);
        System.out.printf("log-mel max |difference| vs reference: %.3g%n", maxDifference);
        assertThat(maxDifference).isLessThan(1e-3);
    }

    @Test
    void configComesFromThePreprocessorFile() {
        FeatureExtractorConfig config = FeatureExtractorConfig.load(MODEL);

        assertThat(config).isEqualTo(new FeatureExtractorConfig(80, 16_000, 400, 160, 480_000, 3000));
    }

    @Test
    void hundredTwentyEightBinsAndLongInputAreSupported() {
        WhisperFeatureExtractor extractor =
                new WhisperFeatureExtractor(new FeatureExtractorConfig(128, 16_000, 400, 160, 480_000, 3000));
        float[] fortySeconds = new float[40 * 16_000];
        for (int i = 0; i < fortySeconds.length; i++) {
            fortySeconds[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }

        float[] features = extractor.extract(fortySeconds);

        assertThat(features).hasSize(128 * 3000);
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float value : features) {
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        assertThat(max - min).isCloseTo(2.0f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void fftOfAnyLengthMatchesTheDefinition() {
        for (int size : new int[] {1, 7, 12, 400, 512}) {
            double[] signal = new double[size];
            for (int i = 0; i < size; i++) {
                signal[i] = Math.sin(i * 1.3) + 0.25 * Math.cos(i * i * 0.1);
            }
            double[] re = new double[size];
            double[] im = new double[size];
            new Fft(size).transformReal(signal, re, im);
            for (int k = 0; k < size; k++) {
                double expectedRe = 0;
                double expectedIm = 0;
                for (int n = 0; n < size; n++) {
                    expectedRe += signal[n] * Math.cos(-2 * Math.PI * k * n / size);
                    expectedIm += signal[n] * Math.sin(-2 * Math.PI * k * n / size);
                }
                assertThat(re[k]).isCloseTo(expectedRe, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(im[k]).isCloseTo(expectedIm, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    static double maxAbsDifference(float[] actual, float[] expected) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - (double) expected[i]));
        }
        return max;
    }

    /** The samples of a 16-bit PCM mono WAV divided by 32768, as the reference was computed. */
    static float[] readPcm16Wav(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        while (position + 8 <= bytes.limit()) {
            String chunk = new String(bytes.array(), position, 4, StandardCharsets.US_ASCII);
            int length = bytes.getInt(position + 4);
            if (chunk.equals("data")) {
                float[] samples = new float[length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = bytes.getShort(position + 8 + 2 * i) / 32768f;
                }
                return samples;
            }
            position += 8 + length + (length & 1);
        }
        throw new IOException("No data chunk in " + file);
    }
}
