package dev.glimpse.speech;

import dev.glimpse.testsupport.TestWav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds small WAV recordings for tests. */
final class TestAudio {

    private TestAudio() {}

    /** A sine tone as 16-bit PCM WAV, the same signal on every channel. */
    static byte[] sineWav(int sampleRate, int channels, double seconds, double frequency, double amplitude) {
        int frames = (int) Math.round(seconds * sampleRate);
        ByteBuffer data = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short value = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
            for (int c = 0; c < channels; c++) {
                data.putShort(value);
            }
        }
        return TestWav.of(sampleRate, channels, data.array());
    }

    static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
