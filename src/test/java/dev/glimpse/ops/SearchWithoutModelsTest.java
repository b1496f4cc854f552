package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestWav;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With the embedding and speech models missing, typed search still finds the captioned images in the index by their
 * words, and voice search says plainly that it is unavailable instead of "please try again".
 */
@GlimpseTest
class SearchWithoutModelsTest {

    private static final Path NOWHERE =
            Path.of("target/test-data", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void missingModels(DynamicPropertyRegistry registry) {
        registry.add(
                "glimpse.embedding.model",
                () -> NOWHERE.resolve("minilm").toAbsolutePath().toString());
        registry.add(
                "glimpse.speech.model",
                () -> NOWHERE.resolve("whisper").toAbsolutePath().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ImageIndex index;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void typedSearchFallsBackToCaptionWordsWhileTheEmbeddingModelIsMissing() throws Exception {
        UUID harbour = UUID.randomUUID();
        index.upsert(new IndexedImage(harbour, "fishing boats in a small harbour at dawn", unit(384, 0)));
        index.upsert(new IndexedImage(UUID.randomUUID(), "a cat asleep on a red sofa", unit(384, 1)));

        HttpResponse<String> response = api.get("/api/search?q=harbour+boats");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = GlimpseHttp.json(response).get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("id").asString()).isEqualTo(harbour.toString());
    }

    @Test
    void voiceSearchSaysTheSpeechModelIsMissing() throws Exception {
        HttpResponse<String> response = api.post(
                "/api/search/voice",
                new Multipart().file("audio", "question.wav", TestWav.of(16_000, 1, tone(16_000))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(GlimpseHttp.json(response).get("detail").asString())
                .contains("Voice search is not available")
                .doesNotContain("try again");
    }

    /** One second of a 440 Hz tone, 16-bit little-endian. */
    private static byte[] tone(int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    private static float[] unit(int dimensions, int axis) {
        float[] vector = new float[dimensions];
        vector[axis] = 1;
        return vector;
    }
}
