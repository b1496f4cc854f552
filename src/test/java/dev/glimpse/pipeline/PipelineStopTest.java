package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.caption.CaptionService;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.serving.InferenceExecutor.Priority;
import dev.glimpse.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Stopping the application while an image waits for the captioner: the caption executor closes and fails what it
 * still holds, which must not mark the image FAILED. It stays claimed and is captioned again at the next start.
 */
@Tag("integration")
@SpringBootTest(
        properties = {
            "glimpse.caption.executor.workers=1",
            "glimpse.caption.executor.max-batch=1",
            "glimpse.pipeline.poll-interval=100ms"
        })
@ActiveProfiles("test")
@DirtiesContext
class PipelineStopTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    CaptionPipeline pipeline;

    @Autowired
    CaptionService captioner;

    @Test
    void anImageWhoseCaptioningIsCutShortByAStopIsNotMarkedFailed() throws Exception {
        BufferedImage busyWork = TestImages.picture(384, 384, 900);
        for (int i = 0; i < 60; i++) {
            captioner.caption(busyWork, Priority.USER); // keeps the single worker busy so the upload has to wait
        }
        IngestOutcome outcome = ingest.ingest("cut-short.png", TestImages.png(120, 90, 901));
        UUID id = ((IngestOutcome.Stored) outcome).image().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(id) == ImageStatus.CAPTIONING);

        pipeline.stop();
        captioner.close(); // what the context does next when it shuts down: waiting requests fail

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> statusOf(id) == ImageStatus.CAPTIONING);
        assertThat(images.findById(id).orElseThrow().getFailureReason()).isNull();
    }

    private ImageStatus statusOf(UUID id) {
        return images.findById(id).orElseThrow().getStatus();
    }
}
