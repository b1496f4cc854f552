package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestImages;
import dev.glimpse.testsupport.UnreachableHubGlimpseTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Models that cannot be loaded because the hub cannot be reached are an expected condition of an installation: voice
 * search answers a 503 problem that names the model and the reason, a caption fails with that reason, and each is
 * logged in one line without a stack trace.
 */
@UnreachableHubGlimpseTest
class UnavailableModelsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void voiceSearchWhileTheSpeechModelCannotBeLoadedIsA503ProblemSayingWhy() throws Exception {
        byte[] recording = Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav"));
        CapturedLog log = CapturedLog.start();
        HttpResponse<String> response;
        try (log) {
            response = api.post("/api/search/voice", new Multipart().file("audio", "question.wav", recording));
        }

        System.out.printf("HTTP %d %s%nlogged %s%n", response.statusCode(), response.body(), log.linesFrom(""));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GlimpseHttp.json(response);
        assertThat(problem.get("detail").asString())
                .startsWith("The speech model is unavailable: ")
                .contains("Cannot reach the model hub");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(log.stackTraces()).isEmpty();
        assertThat(log.errors()).isEmpty();
        // the index follower (search.index) may log its own start-up meanwhile; that is no part of this request
        assertThat(log.warningsFrom("dev.glimpse.search").stream()
                        .filter(line -> !line.startsWith("dev.glimpse.search.index.")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("the speech model is unavailable"));
    }

    @Test
    void captionThatCannotReachTheHubFailsWithTheReasonInOneLogLine() {
        CapturedLog log = CapturedLog.start();
        UUID id;
        ImageSummary failed;
        try (log) {
            IngestOutcome outcome = ingest.ingest("offline.png", TestImages.png(32, 24, 9001));
            id = ((IngestOutcome.Stored) outcome).image().id();
            failed = await().atMost(Duration.ofSeconds(120))
                    .until(() -> ingest.find(id).orElseThrow(), image -> image.failureReason() != null);
        }

        System.out.printf("failure reason: %s%nlogged %s%n", failed.failureReason(), log.linesFrom("dev.glimpse"));
        assertThat(failed.failureReason()).startsWith("the caption model is unavailable: Cannot reach the model hub");
        assertThat(log.stackTraces()).isEmpty();
        assertThat(log.errors()).isEmpty();
        assertThat(log.linesFrom("dev.glimpse.pipeline.CaptionPipeline"))
                .filteredOn(line -> line.contains(id.toString()))
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("Cannot reach the model hub"));
    }
}
