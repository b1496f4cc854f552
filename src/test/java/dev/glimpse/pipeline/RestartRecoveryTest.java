package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application stops while images are waiting (RECEIVED) or half-captioned (CAPTIONING); after a restart on the
 * same data every one of them reaches READY, captioned exactly once after the restart, with one index document. The
 * half-captioned one is held under this instance's name with a long lease: the restarted instance takes its own
 * claims back at once instead of waiting for the lease.
 */
@Tag("integration")
class RestartRecoveryTest {

    @TempDir
    Path data;

    @Test
    void imagesLeftWaitingOrHalfCaptionedAreCaptionedExactlyOnceAfterRestart() {
        List<UUID> waiting = new ArrayList<>();
        UUID halfDone;
        try (ConfigurableApplicationContext first = start(false)) {
            IngestService ingest = first.getBean(IngestService.class);
            for (int i = 0; i < 3; i++) {
                waiting.add(stored(ingest.ingest("w" + i + ".png", TestImages.png(80, 60, 700 + i))));
            }
            halfDone = stored(ingest.ingest("half.png", TestImages.png(80, 60, 710)));
            // claimed by this instance with a lease far from expiry: only the restart's "take back my own claims"
            // can pick it up in time
            first.getBean(JdbcClient.class)
                    .sql("""
                            UPDATE image SET status = 'CAPTIONING', claimed_at = now(), claimed_by = :instance,
                                   lease_expires_at = now() + interval '1 hour', version = version + 1
                            WHERE id = :id""")
                    .param("id", halfDone)
                    .param("instance", first.getBean(InstanceIdentity.class).id())
                    .update();
        }

        try (ConfigurableApplicationContext second = start(true)) {
            ImageRepository images = second.getBean(ImageRepository.class);
            ImageIndex index = second.getBean(ImageIndex.class);
            List<UUID> all = new ArrayList<>(waiting);
            all.add(halfDone);
            // READY is committed first and the index document is written just after that commit: wait for both
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> all.stream()
                            .allMatch(id -> images.findById(id).orElseThrow().getStatus() == ImageStatus.READY
                                    && index.documentsFor(id) > 0));

            for (UUID id : waiting) {
                // inserted (0) → claimed (1) → ready (2): one claim, one caption
                assertThat(images.findById(id).orElseThrow().getVersion()).isEqualTo(2);
                assertThat(index.documentsFor(id)).isEqualTo(1);
            }
            // claimed before the stop (1) → taken back at start (2) → claimed (3) → ready (4)
            assertThat(images.findById(halfDone).orElseThrow().getVersion()).isEqualTo(4);
            assertThat(index.documentsFor(halfDone)).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(boolean pipeline) {
        return new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=" + pipeline,
                        "--glimpse.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--glimpse.database.embedded.clean=false",
                        "--glimpse.storage.local.root=" + data.resolve("blobs"),
                        "--glimpse.index.directory=" + data.resolve("index"));
    }

    private static UUID stored(IngestOutcome outcome) {
        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        return ((IngestOutcome.Stored) outcome).image().id();
    }
}
