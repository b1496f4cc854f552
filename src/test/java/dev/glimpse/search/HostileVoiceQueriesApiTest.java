package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestWav;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hostile recordings and queries sent straight to the search API: unreadable or referencing audio is a 400 problem
 * with a readable message, odd sample rates transcribe, a ten-minute clip is answered quickly, odd text is a 200.
 */
@Tag("integration")
@GlimpseTest
class HostileVoiceQueriesApiTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated-half", "hls-playlist", "concat-script"})
    void unreadableOrReferencingRecordingIsARefusalWithAReadableMessage(String kind) throws Exception {
        byte[] audio = switch (kind) {
            case "truncated-half" -> Files.readAllBytes(Fixtures.media("bad-truncated-half.webm"));
            case "hls-playlist" ->
                ("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nhttp://127.0.0.1:9/segment0.ts\n"
                                + "#EXTINF:2.0,\n/etc/passwd\n#EXT-X-ENDLIST\n")
                        .getBytes(StandardCharsets.UTF_8);
            default ->
                "ffconcat version 1.0\nfile '/etc/passwd'\nfile 'http://127.0.0.1:9/a.wav'\n"
                        .getBytes(StandardCharsets.UTF_8);
        };

        HttpResponse<String> response = api.voiceSearch("", kind + ".webm", audio);

        // a half recording may still hold decodable sound: then it is answered like any other query
        if (kind.equals("truncated-half") && response.statusCode() == 200) {
            assertThat(GlimpseHttp.json(response).get("transcript").isString()).isTrue();
            return;
        }
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = GlimpseHttp.json(response);
        assertThat(problem.get("detail").asString())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("passwd");
    }

    @ParameterizedTest(name = "{0} Hz × {1}")
    @CsvSource({"8000, 1", "96000, 2"})
    void speechAtAnySampleRateIsTranscribed(int sampleRate, int channels) throws Exception {
        byte[] wav = speechAt(sampleRate, channels);

        HttpResponse<String> response = api.voiceSearch("", "speech.wav", wav);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GlimpseHttp.json(response);
        System.out.printf("Voice search %d Hz × %d: %s%n", sampleRate, channels, body.get("transcript"));
        assertThat(body.get("transcript").isString()).isTrue();
        assertThat(body.get("seconds").asDouble()).isBetween(1.0, 3.0);
    }

    @Test
    void tenMinuteRecordingIsCutToTheLongestAllowedDuration() throws Exception {
        int rate = 8000;
        byte[] pcm = new byte[rate * 600 * 2];
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate * 600; i++) {
            samples.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        long start = System.nanoTime();

        HttpResponse<String> response = api.voiceSearch("", "lecture.wav", TestWav.of(rate, 1, pcm));

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Ten-minute recording answered in " + millis + " ms: " + response.statusCode());
        assertThat(response.body()).doesNotContain("Exception");
        if (response.statusCode() == 200) {
            assertThat(GlimpseHttp.json(response).get("seconds").asDouble()).isLessThanOrEqualTo(20.0);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0001\u0002\u001f\u007f", "\uD83D\uDE97\u200D\uD83D\uDD25\uFE0F", "\uFFFF\uFFFE"})
    void textQueriesMadeOfControlCharactersOrEmojiAreAnswered(String query) throws Exception {
        HttpResponse<String> response = api.search(query);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).has("results")).isTrue();
    }

    @Test
    void tenThousandCharacterQueryInTheUrlIsAnswered() throws Exception {
        String query = "a red car by the sea ".repeat(500).substring(0, 10_000);

        HttpResponse<String> response = api.search(query);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The spoken fixture, resampled (linear interpolation) and copied to every channel. */
    private static byte[] speechAt(int sampleRate, int channels) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                Fixtures.media("speech-red-car-22khz.wav").toFile())) {
            var format = in.getFormat();
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            byte[] raw = in.readAllBytes();
            ByteBuffer source =
                    ByteBuffer.wrap(raw).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int sourceChannels = format.getChannels();
            int frames = raw.length / 2 / sourceChannels;
            float[] mono = new float[frames];
            for (int i = 0; i < frames; i++) {
                mono[i] = source.getShort(i * 2 * sourceChannels);
            }
            double ratio = format.getSampleRate() / sampleRate;
            int outFrames = (int) (frames / ratio);
            ByteBuffer out = ByteBuffer.allocate(outFrames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < outFrames; i++) {
                double at = i * ratio;
                int left = Math.min((int) at, frames - 1);
                int right = Math.min(left + 1, frames - 1);
                double value = mono[left] + (mono[right] - mono[left]) * (at - left);
                for (int c = 0; c < channels; c++) {
                    out.putShort((short) Math.round(value));
                }
            }
            return TestWav.of(sampleRate, channels, out.array());
        }
    }
}
