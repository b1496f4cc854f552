package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

@Tag("integration")
@GlimpseTest
class IngestServiceIntegrationTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    @Test
    void storesTheImageItsThumbnailAndAReceivedRow() {
        byte[] png = TestImages.png(300, 200, 101);

        IngestOutcome outcome = ingest.ingest("holiday.png", png);

        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        ImageSummary stored = ((IngestOutcome.Stored) outcome).image();
        // The row is committed as RECEIVED before any model runs; the background pipeline may claim it at once,
        // so the row read back afterwards can already be further along, but never failed.
        assertThat(stored.status()).isEqualTo(ImageStatus.RECEIVED);
        Image row = images.findById(stored.id()).orElseThrow();
        assertThat(row.getStatus()).isIn(ImageStatus.RECEIVED, ImageStatus.CAPTIONING, ImageStatus.READY);
        assertThat(row.getOriginalName()).isEqualTo("holiday.png");
        assertThat(row.getMimeType()).isEqualTo("image/png");
        assertThat(row.getWidth()).isEqualTo(300);
        assertThat(row.getHeight()).isEqualTo(200);
        assertThat(row.getSha256()).isEqualTo(IngestService.sha256(png));
        assertThat(blobs.get(row.getStorageKey())).hasValue(png);
        assertThat(blobs.exists(row.getThumbnailKey())).isTrue();
    }

    @Test
    void identicalBytesAreStoredOnceAndPointToTheFirstImage() {
        byte[] jpeg = TestImages.jpeg(64, 64, 102);
        IngestOutcome first = ingest.ingest("first.jpg", jpeg);

        IngestOutcome second = ingest.ingest("copy.jpg", jpeg);

        assertThat(second).isInstanceOf(IngestOutcome.Duplicate.class);
        assertThat(((IngestOutcome.Duplicate) second).existing().id())
                .isEqualTo(((IngestOutcome.Stored) first).image().id());
        assertThat(second.message()).isEqualTo("\"copy.jpg\" is already in your library as \"first.jpg\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-text-named.png", "bad-image.svg", "bad-empty.webm", "bad-random-bytes.webm"})
    void refusedFilesLeaveNoRowAndNoBlob(String fixture) throws Exception {
        long rows = images.count();
        long stored = countBlobs();

        IngestOutcome outcome = ingest.ingest(fixture, Files.readAllBytes(Fixtures.media(fixture)));

        assertThat(outcome).isInstanceOf(IngestOutcome.Refused.class);
        assertThat(outcome.message()).startsWith("\"" + fixture + "\" was refused: it ");
        assertThat(images.count()).isEqualTo(rows);
        assertThat(countBlobs()).isEqualTo(stored);
    }

    @Test
    void concurrentUploadsOfTheSameBytesEndWithOneRowAndNoOrphanBlobs() throws Exception {
        byte[] png = TestImages.png(120, 90, 103);
        long stored = countBlobs();
        List<Callable<IngestOutcome>> uploads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "same-" + i + ".png";
            uploads.add(() -> ingest.ingest(name, png));
        }

        List<IngestOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<IngestOutcome> future : pool.invokeAll(uploads)) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).filteredOn(IngestOutcome.Stored.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(IngestOutcome.Duplicate.class::isInstance)
                .hasSize(7);
        assertThat(images.findBySha256(IngestService.sha256(png))).isPresent();
        assertThat(countBlobs()).isEqualTo(stored + 2);
    }

    @Test
    void libraryListsNewestFirst() {
        ingest.ingest("older.png", TestImages.png(20, 20, 104));
        ingest.ingest("newer.png", TestImages.png(20, 20, 105));

        List<String> names = ingest.library(0, 2).map(ImageSummary::fileName).toList();

        assertThat(names).containsExactly("newer.png", "older.png");
    }

    private long countBlobs() {
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            return all.count();
        }
    }
}
