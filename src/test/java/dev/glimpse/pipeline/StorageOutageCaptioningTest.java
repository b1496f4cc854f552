package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.storage.StorageProperties;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Blob storage cannot be reached when the pipeline comes to caption a stored image: the outage is not the image's
 * fault, so it waits in the queue (never FAILED) and is captioned once storage is back.
 */
@Tag("integration")
@SpringBootTest(properties = "glimpse.pipeline.poll-interval=200ms")
@ActiveProfiles("test")
@DirtiesContext
class StorageOutageCaptioningTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    CaptionPipeline pipeline;

    @Autowired
    StorageProperties storage;

    @Test
    void anImageWhoseBlobCannotBeReadWaitsAndIsCaptionedWhenStorageReturns() throws Exception {
        pipeline.stop();
        IngestOutcome outcome = ingest.ingest("outage.png", TestImages.png(120, 90, 1300));
        UUID id = ((IngestOutcome.Stored) outcome).image().id();
        Path root = storage.local().root().toAbsolutePath();
        Path away = root.resolveSibling(root.getFileName() + "-away");
        Files.move(root, away);
        Files.writeString(root, "not a folder"); // reads now fail with an I/O error, not "no such file"
        try {
            pipeline.start();

            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> statusOf(id) == ImageStatus.RECEIVED || statusOf(id) == ImageStatus.CAPTIONING);
        } finally {
            Files.delete(root);
            Files.move(away, root);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> statusOf(id) == ImageStatus.READY);
        assertThat(images.findById(id).orElseThrow().getFailureReason()).isNull();
    }

    private ImageStatus statusOf(UUID id) {
        return images.findById(id).orElseThrow().getStatus();
    }
}
