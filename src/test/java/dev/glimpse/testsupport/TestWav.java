package dev.glimpse.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files for tests: a 44-byte RIFF header in front of 16-bit little-endian PCM. */
public final class TestWav {

    private TestWav() {}

    /** {@code pcm16} (interleaved when {@code channels > 1}) as a WAV file. */
    public static byte[] of(int sampleRate, int channels, byte[] pcm16) {
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm16.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16.length);
        wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        wav.putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2);
        wav.putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16.length);
        return wav.put(pcm16).array();
    }
}
