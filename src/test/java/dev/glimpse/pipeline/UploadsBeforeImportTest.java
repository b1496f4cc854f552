package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.BacklogStatus;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An import's backlog does not delay what people upload: waiting images are claimed uploads first, then oldest first
 * (an upload stored after three imported images is claimed before them); the backlog counts every waiting image, and
 * imported images keep their path in the folder.
 */
@Tag("integration")
class UploadsBeforeImportTest {

    @TempDir
    Path data;

    @Test
    void anUploadIsClaimedBeforeTheImportedImagesWaitingLonger() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=false",
                        "--glimpse.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--glimpse.storage.local.root=" + data.resolve("blobs"),
                        "--glimpse.index.directory=" + data.resolve("index"))) {
            IngestService ingest = context.getBean(IngestService.class);
            List<UUID> imported = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                IngestOutcome outcome =
                        ingest.importFile("Photos/2019/Paris/p" + i + ".png", TestImages.png(80, 60, 900 + i));
                assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
                IngestOutcome.Stored stored = (IngestOutcome.Stored) outcome;
                assertThat(stored.image().sourcePath()).isEqualTo("Photos/2019/Paris/p" + i + ".png");
                assertThat(stored.fileName()).isEqualTo("p" + i + ".png");
                imported.add(stored.image().id());
            }
            IngestOutcome upload = ingest.ingest("dropped.png", TestImages.png(80, 60, 950));
            UUID uploaded = ((IngestOutcome.Stored) upload).image().id();

            BacklogStatus backlog = context.getBean(ImageQueries.class).backlog();
            assertThat(backlog.waiting()).isEqualTo(4);
            assertThat(backlog.total()).isEqualTo(4);
            assertThat(backlog.describe()).isEqualTo("Captioning 0 of 4 · estimating the time left");

            List<UUID> claimed = context.getBean(ImageClaims.class).claim(2).stream()
                    .map(ImageClaims.Claim::id)
                    .toList();
            System.out.println("claimed " + claimed + "; upload " + uploaded + ", imports " + imported);
            assertThat(claimed).containsExactly(uploaded, imported.getFirst());
        }
    }
}
