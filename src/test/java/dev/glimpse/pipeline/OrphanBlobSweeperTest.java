package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@Tag("integration")
@GlimpseTest
class OrphanBlobSweeperTest {

    private static final BlobSweepProperties ONE_HOUR =
            new BlobSweepProperties(true, Duration.ofHours(1), Duration.ofHours(1));

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    @Test
    void orphanBlobsOlderThanTheGracePeriodAreDeletedAndReferencedBlobsKept() {
        IngestOutcome.Stored stored = (IngestOutcome.Stored) ingest.ingest("kept.png", TestImages.png(50, 40, 801));
        Image row = images.findById(stored.image().id()).orElseThrow();
        String orphan = blobs.put(new byte[] {1, 2, 3}, "image/png");
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

        int deleted = new OrphanBlobSweeper(blobs, images, ONE_HOUR, twoHoursLater).sweep();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(blobs.exists(orphan)).isFalse();
        assertThat(blobs.exists(row.getStorageKey())).isTrue();
        assertThat(blobs.exists(row.getThumbnailKey())).isTrue();
    }

    @Test
    void orphanBlobsYoungerThanTheGracePeriodAreKept() {
        String orphan = blobs.put(new byte[] {4, 5, 6}, "image/png");

        new OrphanBlobSweeper(blobs, images, ONE_HOUR, Clock.systemUTC()).sweep();

        assertThat(blobs.exists(orphan)).isTrue();
        blobs.delete(orphan);
    }
}
