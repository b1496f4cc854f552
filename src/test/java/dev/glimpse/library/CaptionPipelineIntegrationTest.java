package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.embedding.SentenceEmbedder;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.index.ChangeLog;
import dev.glimpse.search.index.IndexFollower;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads go through the real pipeline with blip-tiny and all-MiniLM-L6-v2 from the fixtures. */
@Tag("integration")
@GlimpseTest
class CaptionPipelineIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    ImageIndex index;

    @Autowired
    BlobStore blobs;

    @Autowired
    ChangeLog outbox;

    @Autowired
    IndexFollower follower;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void uploadBecomesReadyWithTheCaptionItsEmbeddingAndAnIndexDocument() {
        BufferedImage picture = TestImages.picture(640, 480, 401);
        UUID id = store("street.png", TestImages.encode(picture, "png"));

        Image ready = awaitReadyAndIndexed(id);

        String expectedCaption;
        try (BlipCaptioner captioner = BlipCaptioner.load(Fixtures.model("blip-tiny"), CaptionOptions.defaults())) {
            expectedCaption = captioner.caption(List.of(picture)).getFirst();
        }
        float[] expectedEmbedding;
        try (SentenceEmbedder embedder = SentenceEmbedder.load(Fixtures.model("all-MiniLM-L6-v2"))) {
            expectedEmbedding = embedder.embed(List.of(expectedCaption))[0];
        }
        assertThat(ready.getCaption()).isEqualTo(expectedCaption);
        assertThat(ready.getCaptionModel()).endsWith("blip-tiny");
        assertThat(ready.getEmbeddingModel()).endsWith("all-MiniLM-L6-v2");
        assertThat(ready.getEmbedding()).hasSize(384);
        assertThat(ready.getEmbedding()).containsExactly(expectedEmbedding, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(index.documentsFor(id)).isEqualTo(1);
        assertThat(index.caption(id)).hasValue(expectedCaption);
    }

    @Test
    void deleteRemovesRowBlobsAndIndexDocument() {
        UUID id = store("to-delete.png", TestImages.png(200, 200, 402));
        // a delete between the READY commit and the index write after it would see that write add the document back
        Image ready = awaitReadyAndIndexed(id);

        assertThat(ingest.delete(id)).isTrue();

        assertThat(images.findById(id)).isEmpty();
        // the index follows the change log: the delete reaches it shortly after the commit
        await().atMost(PATIENCE).until(() -> index.documentsFor(id) == 0);
        assertThat(blobs.exists(ready.getStorageKey())).isFalse();
        assertThat(blobs.exists(ready.getThumbnailKey())).isFalse();
    }

    @Test
    void recaptionProducesAFreshReadyRowWithOneIndexDocument() {
        UUID id = store("again.png", TestImages.png(160, 120, 403));
        Image first = awaitReadyAndIndexed(id);

        assertThat(ingest.recaption(id, false)).isTrue();
        await().atMost(PATIENCE)
                .until(() -> images.findById(id).orElseThrow().getUpdatedAt().isAfter(first.getUpdatedAt())
                        && images.findById(id).orElseThrow().getStatus() == ImageStatus.READY);

        Image second = images.findById(id).orElseThrow();
        assertThat(second.getCaption()).isEqualTo(first.getCaption());
        await().atMost(PATIENCE).until(() -> index.documentsFor(id) == 1);
        assertThat(index.documentsFor(id)).isEqualTo(1);
    }

    private UUID store(String name, byte[] bytes) {
        IngestOutcome outcome = ingest.ingest(name, bytes);
        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        return ((IngestOutcome.Stored) outcome).image().id();
    }

    @Test
    void aStaleReadyChangeReplayedAfterTheDeleteDoesNotBringTheImageBack() {
        UUID id = store("late.png", TestImages.png(160, 120, 404));
        awaitReadyAndIndexed(id);
        assertThat(ingest.delete(id)).isTrue();

        // a change log entry saying READY, applied after the delete: the follower reads the row as it is now (gone)
        long stale = outbox.append(id, "READY");
        await().atMost(PATIENCE).until(() -> follower.position() >= stale);

        assertThat(index.documentsFor(id)).isZero();
    }

    @Test
    void everyStepOfAnImageIsInTheChangeLogInCommitOrder() {
        UUID id = store("logged.png", TestImages.png(160, 120, 405));
        awaitReadyAndIndexed(id);

        List<String> kinds = jdbc.sql("SELECT kind FROM image_change WHERE image_id = :id ORDER BY seq")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(kinds).containsExactly("RECEIVED", "CAPTIONING", "READY");
    }

    /** The row turns READY in one commit and the index follower applies it just after: waits for both. */
    private Image awaitReadyAndIndexed(UUID id) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> images.findById(id).map(Image::getStatus).orElse(null) == ImageStatus.READY
                        && index.documentsFor(id) > 0);
        return images.findById(id).orElseThrow();
    }
}
