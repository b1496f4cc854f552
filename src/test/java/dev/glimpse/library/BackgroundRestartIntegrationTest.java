package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.CpuSaturation;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The background components that carry an upload to search (the captioning pipeline, the index follower, the model
 * watcher) are stopped and started again while every core is busy, and an upload after each restart still becomes
 * READY and searchable: no start leaves a component that looks running but does nothing.
 */
@GlimpseTest
class BackgroundRestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> COMPONENTS = List.of("captionPipeline", "indexFollower", "modelWatcher");

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    ImageIndex index;

    @Test
    void anUploadAfterEachRestartUnderFullCpuLoadBecomesReadyAndIndexed() throws InterruptedException {
        int rounds = 4;
        long started = System.nanoTime();
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int round = 0; round < rounds; round++) {
                List<SmartLifecycle> components = COMPONENTS.stream()
                        .map(name -> context.getBean(name, SmartLifecycle.class))
                        .toList();
                components.forEach(SmartLifecycle::stop);
                components.forEach(
                        component -> assertThat(component.isRunning()).isFalse());
                components.forEach(SmartLifecycle::start);
                components.forEach(
                        component -> assertThat(component.isRunning()).isTrue());

                IngestOutcome outcome = ingest.ingest("restart-" + round + ".png", TestImages.png(96, 72, 900 + round));
                assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
                UUID id = ((IngestOutcome.Stored) outcome).image().id();
                await("round " + round + ": READY and indexed")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> images.findById(id).map(Image::getStatus).orElse(null) == ImageStatus.READY
                                && index.documentsFor(id) > 0);
            }
        }
        System.out.printf(
                "%d restarts of %s under full CPU load, each followed by a captioned, indexed upload: %d ms%n",
                rounds, COMPONENTS, (System.nanoTime() - started) / 1_000_000);
    }
}
