package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Without a remote service (the test profile turns it off) the examples are the user's captioned library images,
 * shown with their stored caption and thumbnail, but never the newest ones, which the library shows right below the
 * gallery; "keep" on a fetched example goes through the normal upload path.
 */
@Tag("integration")
@GlimpseTest
@TestPropertySource(properties = "glimpse.examples.library.enabled=true")
class LibraryExamplesIntegrationTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ExampleService examples;

    @Test
    void offlineTheLibrarysOlderCaptionedImagesAreTheExamplesButNotTheNewestShownBelow() {
        UUID id = stored(ingest.ingest("harbour.png", TestImages.png(120, 90, 611)));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> ingest.find(id).orElseThrow().status() == ImageStatus.READY);
        String caption = ingest.find(id).orElseThrow().caption();
        List<UUID> newer = new ArrayList<>();
        for (int i = 0; i < ExampleSources.SKIP_NEWEST; i++) {
            newer.add(stored(ingest.ingest("newer-" + i + ".png", TestImages.png(64, 48, 6200 + i))));
        }
        await().atMost(Duration.ofMinutes(3))
                .until(() -> newer.stream()
                        .allMatch(n -> ingest.find(n).orElseThrow().status() == ImageStatus.READY));
        Set<UUID> newest = ingest.captioned(ExampleSources.SKIP_NEWEST).stream()
                .map(image -> image.id())
                .collect(Collectors.toSet());

        ExampleSources sources = new ExampleSources(
                null,
                ingest,
                new FolderImageSource(
                        new ExamplesProperties.Folder(null, DataSize.ofMegabytes(5)), UploadLimits.DECODING));
        boolean found = false;
        for (var next = sources.next(); next.isPresent(); next = sources.next()) {
            if (next.get() instanceof Example.FromLibrary library) {
                assertThat(newest).doesNotContain(library.image().id());
            }
            if (next.get() instanceof Example.FromLibrary library
                    && library.image().id().equals(id)) {
                found = true;
                assertThat(library.image().caption()).isEqualTo(caption).isNotBlank();
                assertThat(library.image().thumbnailUrl()).contains(id.toString());
            }
        }
        assertThat(found).as("the captioned image is among the examples").isTrue();
        assertThat(examples.settings().remote().configured()).isFalse();
    }

    @Test
    void keepingAnExampleTwiceStoresItOnce() {
        byte[] bytes = TestImages.jpeg(80, 60, 612);
        Example.Fetched example = new Example.Fetched(
                Example.Source.REMOTE, "https://img.example/612.jpg", bytes, "jpeg", TestImages.picture(80, 60, 612));

        IngestOutcome first = examples.keep(example);
        IngestOutcome second = examples.keep(example);

        assertThat(first).isInstanceOf(IngestOutcome.Stored.class);
        assertThat(second).isInstanceOf(IngestOutcome.Duplicate.class);
        assertThat(first.fileName()).startsWith("example-").endsWith(".jpeg");
    }

    private static UUID stored(IngestOutcome outcome) {
        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        return ((IngestOutcome.Stored) outcome).image().id();
    }
}
