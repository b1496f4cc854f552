package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** With one caption worker and a queue of one, every upload is still stored at once and captioned eventually. */
@Tag("integration")
@SpringBootTest(
        properties = {
            "glimpse.caption.executor.workers=1",
            "glimpse.caption.executor.queue-capacity=1",
            "glimpse.caption.executor.max-batch=1",
            "glimpse.pipeline.max-in-flight=4",
            "glimpse.pipeline.poll-interval=200ms"
        })
@ActiveProfiles("test")
@DirtiesContext // settings of its own: no other test shares this context
class QueueFullTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Test
    void everyImageIsStoredImmediatelyAndCaptionedEventually() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            IngestOutcome outcome = ingest.ingest("q" + i + ".png", TestImages.png(120, 90, 800 + i));
            assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
            ids.add(((IngestOutcome.Stored) outcome).image().id());
        }
        assertThat(images.findAllById(ids)).hasSize(8);

        await().atMost(Duration.ofSeconds(180))
                .until(() ->
                        images.findAllById(ids).stream().allMatch(image -> image.getStatus() == ImageStatus.READY));
    }
}
