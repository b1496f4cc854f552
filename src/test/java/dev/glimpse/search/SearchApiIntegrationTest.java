package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.speech.TranscriptionService;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search service and API in the running application, with the fixture models. */
@Tag("integration")
@GlimpseTest
class SearchApiIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    IngestService ingest;

    @Autowired
    ImageIndex index;

    @Autowired
    EmbeddingService embeddings;

    @Autowired
    TranscriptionService transcription;

    @LocalServerPort
    int port;

    @TempDir
    Path emptyIndexFolder;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void emptyLibraryGivesAMessageInsteadOfResults() {
        try (ImageIndex empty = new ImageIndex(emptyIndexFolder);
                SearchService service = new SearchService(
                        empty,
                        embeddings,
                        transcription,
                        SearchProperties.defaults(),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            SearchResults results = service.search("a red car near the sea", 12).join();

            assertThat(results.hits()).isEmpty();
            assertThat(results.message()).isEqualTo(SearchResults.EMPTY_LIBRARY);
        }
    }

    @Test
    void readyImageIsFoundFirstByItsCaptionWords() throws Exception {
        ImageSummary stored =
                ((IngestOutcome.Stored) ingest.ingest("search-me.png", TestImages.png(320, 240, 501))).image();
        UUID id = stored.id();
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY
                        && index.documentsFor(id) == 1);
        String caption = ingest.find(id).orElseThrow().caption();

        // blip-tiny writes much the same caption for every image, and other tests share this library: ask for
        // enough results that every image tied with ours is listed.
        HttpResponse<String> response = api.get("/api/search?k=100&q=" + encode(caption));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GlimpseHttp.json(response);
        JsonNode first = body.get("results").get(0);
        assertThat(first.get("caption").asString()).isEqualTo(caption);
        // The query is searched in its search form (lower case, no punctuation), so it is not byte for byte the caption
        // that was embedded at indexing time when blip-tiny's caption has punctuation.
        assertThat(first.get("similarity").asDouble()).isGreaterThan(0.95);
        assertThat(first.get("why").asString()).startsWith("similar meaning");
        assertThat(first.get("matchedWords").size()).isEqualTo(distinctWords(caption));
        if (first.get("matchedWords").size() > 0) {
            assertThat(first.get("why").asString()).contains("shares the word");
        }
        assertThat(body.get("message").isNull()).isTrue();
        // Other images may have been given the very same caption (blip-tiny writes much the same for every image);
        // the search then orders those twins arbitrarily. What must hold: ours is listed, and nothing
        // with a different caption is ranked above it.
        boolean found = false;
        for (JsonNode result : body.get("results")) {
            if (result.get("id").asString().equals(id.toString())) {
                found = true;
                assertThat(result.get("contentUrl").asString()).isEqualTo("/api/images/" + id + "/content");
                assertThat(result.get("thumbnailUrl").asString()).isEqualTo("/api/images/" + id + "/thumbnail");
                break;
            }
            assertThat(result.get("caption").asString()).isEqualTo(caption);
        }
        assertThat(found).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "red\u0000car\u0007\u001b[31m near\tthe\nsea",
                "\uD83D\uDE97\uD83C\uDF0A \uD83D\uDC31",
                "caption:\"red car\" AND (sea OR -boat~2) [a TO z] \\ * ?",
                "\u202Egnirts desrever"
            })
    void hostileTextQueriesAreAnsweredNormally(String query) throws Exception {
        HttpResponse<String> response = api.search(query);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GlimpseHttp.json(response);
        assertThat(body.get("results").size() > 0 || !body.get("message").isNull())
                .isTrue();
    }

    @Test
    void tenThousandCharacterQueryIsShortenedAndAnswered() throws Exception {
        String query = "red car near the sea ".repeat(500);

        HttpResponse<String> response = api.post(
                "/api/search",
                "application/x-www-form-urlencoded",
                ("k=5&q=" + encode(query)).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).get("query").asString()).hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void queryLongerThanTheMaximumInAUrlIsShortenedAndAnswered() throws Exception {
        HttpResponse<String> response = api.get("/api/search?q=" + "sea".repeat(1000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).get("query").asString()).hasSize(1000);
    }

    @Test
    void missingQueryAsksForOne() throws Exception {
        HttpResponse<String> response = api.get("/api/search");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).get("message").asString()).isEqualTo(SearchResults.EMPTY_QUERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-3", "many"})
    void resultCountOutsideItsRangeIsAProblem(String k) throws Exception {
        HttpResponse<String> response = api.get("/api/search?q=car&k=" + k);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("application/problem+json");
    }

    @Test
    void spokenQueryReturnsTheTranscriptAndResultsOrAMessage() throws Exception {
        HttpResponse<String> response = postAudio(Fixtures.media("speech-red-car-48khz-mono.webm"), "");
        System.out.println("Voice search answered: " + response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = GlimpseHttp.json(response);
        assertThat(body.get("transcript").isString()).isTrue();
        assertThat(body.get("language").asString()).isNotBlank();
        assertThat(body.get("seconds").asDouble()).isBetween(1.0, 3.0);
        assertThat(body.get("results").size() > 0 || !body.get("message").isNull())
                .isTrue();
    }

    @Test
    void translatedSpokenQueryIsAnsweredToo() throws Exception {
        HttpResponse<String> response = postAudio(Fixtures.media("speech-red-car-48khz-mono.webm"), "true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).get("transcript").isString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-empty.webm", "bad-random-bytes.webm", "bad-truncated-100-bytes.webm"})
    void unreadableRecordingIsABadRequestProblemWithAReadableMessage(String file) throws Exception {
        HttpResponse<String> response = postAudio(Fixtures.media(file), "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("application/problem+json");
        JsonNode problem = GlimpseHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString())
                .isNotBlank()
                .doesNotContain("Exception")
                .endsWith(".");
    }

    @Test
    void voiceSearchWithoutAudioIsABadRequestProblem() throws Exception {
        HttpResponse<String> response = api.post(
                "/api/search/voice",
                "multipart/form-data; boundary=nothing",
                "--nothing--\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("application/problem+json");
    }

    private HttpResponse<String> postAudio(Path file, String translate) throws Exception {
        String query = translate.isEmpty() ? "" : "?translate=" + translate;
        return api.voiceSearch(query, file.getFileName().toString(), Files.readAllBytes(file));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int distinctWords(String caption) {
        return (int) Word.of(caption).stream().map(Word::exact).distinct().count();
    }
}
