package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AudioDecoderTest {

    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest
    @ValueSource(
            strings = {"speech-red-car-22khz.wav", "speech-red-car-48khz-mono.webm", "speech-red-car-48khz-stereo.webm"
            })
    void browserRecordingsDecodeToOnePointEightSecondsAt16kHz(String name) throws IOException {
        float[] samples = decoder.decode(Files.readAllBytes(Fixtures.media(name)));

        assertThat(samples.length / (double) AudioDecoder.SAMPLE_RATE).isCloseTo(1.8, within(0.05));
        assertThat(TestAudio.rms(samples, 0, samples.length)).isGreaterThan(0.01);
    }

    @ParameterizedTest
    @CsvSource({
        "bad-empty.webm, recording is empty",
        "bad-random-bytes.webm, not an audio file",
        "bad-truncated-100-bytes.webm, recording is damaged",
        "bad-truncated-half.webm, recording is damaged",
        "bad-text-named.png, not an audio file",
        "bad-image.svg, not an audio file",
        "tiny-16px.png, not an audio file",
        "tiny-16px.gif, not an audio file",
        "tiny-16px.jpg, not an audio file",
        "tiny-16px.webp, not an audio file"
    })
    void badFilesFailWithAMessageForPeople(String name, String message) throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.media(name));

        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOf(AudioDecodingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void hlsPlaylistNamedWebmIsRefusedWithoutFetchingItsSegments() throws IOException {
        try (LoopbackTrap trap = new LoopbackTrap()) {
            String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n"
                    + "#EXTINF:2.0,\n" + trap.url("segment0.ts") + "\n#EXTINF:2.0,\n/etc/passwd\n#EXT-X-ENDLIST\n";

            assertThatThrownBy(() -> decoder.decode(playlist.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AudioDecodingException.class)
                    .hasMessageContaining("not an audio file");
            assertNoConnectionFor(trap);
        }
    }

    @Test
    void concatScriptNamedWebmIsRefusedWithoutOpeningWhatItReferences() throws IOException {
        try (LoopbackTrap trap = new LoopbackTrap()) {
            String script = "ffconcat version 1.0\nfile '" + trap.url("first.wav") + "'\nfile '/etc/passwd'\n";

            assertThatThrownBy(() -> decoder.decode(script.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AudioDecodingException.class)
                    .hasMessageContaining("not an audio file");
            assertNoConnectionFor(trap);
        }
    }

    @Test
    void longRecordingIsCutAtTheDefaultMaximumOfTwentySeconds() {
        byte[] wav = TestAudio.sineWav(16_000, 1, 45, 440, 0.5);

        float[] samples = decoder.decode(wav);

        assertThat(AudioLimits.defaults().maxDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(samples).hasSize(20 * AudioDecoder.SAMPLE_RATE);
    }

    @Test
    void maximumDurationIsConfigurable() {
        AudioDecoder shortClips = new AudioDecoder(AudioLimits.defaults().withMaxDuration(Duration.ofSeconds(3)));

        float[] samples = shortClips.decode(TestAudio.sineWav(48_000, 2, 10, 440, 0.5));

        assertThat(samples).hasSize(3 * AudioDecoder.SAMPLE_RATE);
    }

    @Test
    void recordingOverTheByteLimitIsRefusedBeforeDecoding() {
        AudioDecoder small = new AudioDecoder(AudioLimits.defaults().withMaxBytes(10_000));
        byte[] wav = TestAudio.sineWav(16_000, 1, 1, 440, 0.5);

        assertThatThrownBy(() -> small.decode(wav))
                .isInstanceOf(AudioDecodingException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> small.decode(new ByteArrayInputStream(wav)))
                .isInstanceOf(AudioDecodingException.class)
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({"8000, 1", "22050, 1", "44100, 2", "96000, 2"})
    void anySampleRateAndChannelCountIsResampledTo16kHzMono(int sampleRate, int channels) {
        float[] samples = decoder.decode(TestAudio.sineWav(sampleRate, channels, 1.0, 440, 0.5));

        assertThat(samples.length).isCloseTo(AudioDecoder.SAMPLE_RATE, within(200));
        // FFmpeg mixes stereo down as `ffmpeg -ac 1` does: each channel scaled by 1/sqrt(2), then summed
        double expectedRms = 0.5 / Math.sqrt(2) * (channels == 2 ? Math.sqrt(2) : 1);
        assertThat(TestAudio.rms(samples, 1000, samples.length - 1000)).isCloseTo(expectedRms, within(0.02));
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    private static org.assertj.core.data.Offset<Integer> within(int offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    /** Nothing connects to the trap, also a moment after the decoder has given up (FFmpeg might open late). */
    private static void assertNoConnectionFor(LoopbackTrap trap) {
        await("no connection to " + trap.url(""))
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> trap.connections() == 0);
    }
}
