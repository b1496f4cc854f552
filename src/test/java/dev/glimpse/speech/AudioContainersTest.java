package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recordings in every container and codec browsers produce, encoded here by FFmpeg, decode to the same tone. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AudioContainersTest {

    private static final double SECONDS = 2.0;
    private static final double AMPLITUDE = 0.5;

    @TempDir
    Path folder;

    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest
    @CsvSource({
        "webm, libopus, 48000",
        "ogg, libopus, 48000",
        "ogg, libvorbis, 44100",
        "mp4, aac, 44100",
        "mp3, libmp3lame, 44100",
        "flac, flac, 44100",
        "wav, pcm_s16le, 8000"
    })
    void containerDecodesToTheToneItHolds(String format, String codec, int sampleRate) throws Exception {
        byte[] recording = encodeTone(format, codec, sampleRate);

        float[] samples = decoder.decode(recording);

        assertThat(samples.length / (double) AudioDecoder.SAMPLE_RATE).isCloseTo(SECONDS, Offset.offset(0.1));
        double rms = TestAudio.rms(samples, 4000, samples.length - 4000);
        assertThat(rms).isCloseTo(AMPLITUDE / Math.sqrt(2), Offset.offset(0.05));
    }

    @Test
    void mp4AnnouncingAbsurdDurationsDecodesWhatItHolds() throws Exception {
        byte[] mp4 = encodeTone("mp4", "aac", 44_100);
        int patched = patchDurations(mp4, "mvhd") + patchDurations(mp4, "mdhd") + patchDurations(mp4, "tkhd");

        float[] samples = decoder.decode(mp4);

        assertThat(patched).isGreaterThanOrEqualTo(3);
        assertThat(samples.length / (double) AudioDecoder.SAMPLE_RATE).isCloseTo(SECONDS, Offset.offset(0.1));
    }

    @Test
    void videoWithoutSoundIsNotAnAudioFile() throws Exception {
        Path file = folder.resolve("silent-video.webm");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 32, 32, 0)) {
            recorder.setFormat("webm");
            recorder.setVideoCodecName("libvpx");
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 10; i++) {
                recorder.record(new Frame(32, 32, Frame.DEPTH_UBYTE, 3));
            }
            recorder.stop();
        }
        byte[] video = Files.readAllBytes(file);

        assertThatThrownBy(() -> decoder.decode(video))
                .isInstanceOf(AudioDecodingException.class)
                .hasMessageContaining("not an audio file");
    }

    @Test
    void tenMinuteRecordingIsCutToTheLongestDuration() {
        byte[] wav = TestAudio.sineWav(8_000, 1, 600, 440, AMPLITUDE);

        long start = System.nanoTime();
        float[] samples = decoder.decode(wav);
        double elapsed = (System.nanoTime() - start) / 1e9;

        assertThat(samples).hasSize(20 * AudioDecoder.SAMPLE_RATE);
        System.out.printf("10-minute WAV (%d bytes) cut to 20 s in %.2f s%n", wav.length, elapsed);
    }

    @Test
    void decodersRunConcurrently() throws Exception {
        byte[] webm = encodeTone("webm", "libopus", 48_000);
        byte[] wav = TestAudio.sineWav(44_100, 2, SECONDS, 440, AMPLITUDE);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] recording = i % 2 == 0 ? webm : wav;
                results.add(pool.submit(() -> decoder.decode(recording)));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get().length / (double) AudioDecoder.SAMPLE_RATE)
                        .isCloseTo(SECONDS, Offset.offset(0.1));
            }
        }
    }

    /** Sets the 32-bit duration of every version-0 box of this type to the largest value; returns how many. */
    private static int patchDurations(byte[] mp4, String type) {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // version 0: version+flags (4), creation (4), modification (4), then mvhd/mdhd: timescale (4) + duration;
        // tkhd: track id (4), reserved (4), duration
        int durationOffset = type.equals("tkhd") ? 4 + 4 + 4 + 4 + 4 : 4 + 4 + 4 + 4;
        int count = 0;
        for (int i = 0; i + 4 + durationOffset + 4 <= mp4.length; i++) {
            if (java.util.Arrays.equals(mp4, i, i + 4, name, 0, 4) && mp4[i + 4] == 0) {
                int at = i + 4 + durationOffset;
                mp4[at] = 0x7F;
                mp4[at + 1] = (byte) 0xFF;
                mp4[at + 2] = (byte) 0xFF;
                mp4[at + 3] = (byte) 0xFF;
                count++;
            }
        }
        return count;
    }

    private byte[] encodeTone(String format, String codec, int sampleRate) throws Exception {
        Path file = folder.resolve("tone." + format);
        float[] tone = new float[(int) (SECONDS * sampleRate)];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * 440 * i / sampleRate));
        }
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat(format);
            recorder.setAudioCodecName(codec);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(1);
            recorder.start();
            recorder.recordSamples(sampleRate, 1, FloatBuffer.wrap(tone));
            recorder.stop();
        }
        return Files.readAllBytes(file);
    }
}
