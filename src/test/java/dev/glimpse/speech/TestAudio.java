package dev.glimpse.speech;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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
        return wav(sampleRate, channels, data.array());
    }

    static byte[] wav(int sampleRate, int channels, byte[] pcm16) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16.length);
        header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        header.putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2);
        header.putShort((short) (channels * 2)).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(pcm16);
        return out.toByteArray();
    }

    static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
