package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.FailureKind;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.StoredUpload;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/images/retry-failed} queues every FAILED image again, whatever it failed for. */
@GlimpseTest
class RetryAllFailedApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void retryAllFailedQueuesFailedImagesAgainAndTheyReachReady() throws Exception {
        UUID failedForImage = failedImage(1801, FailureKind.IMAGE);
        UUID failedBeforeKindsExisted = failedImage(1802, null);

        HttpResponse<String> response = api.post("/api/images/retry-failed");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(GlimpseHttp.json(response).get("queued").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> status(failedForImage) == ImageStatus.READY
                        && status(failedBeforeKindsExisted) == ImageStatus.READY);
        assertThat(images.findById(failedForImage).orElseThrow().getFailureKind())
                .isNull();
    }

    /** A row stored as FAILED (as the pipeline leaves it), with real bytes in the blob store. */
    private UUID failedImage(long seed, FailureKind kind) {
        byte[] png = TestImages.png(48, 36, seed);
        StoredUpload upload = new StoredUpload(
                IngestService.sha256(png),
                "failed-" + seed + ".png",
                "image/png",
                48,
                36,
                png.length,
                blobs.put(png, "image/png"),
                blobs.put(TestImages.jpeg(24, 18, seed), "image/jpeg"));
        Image image = new Image(upload);
        image.markFailed("failed earlier", kind); // null: a row from before failure kinds were recorded
        return images.saveAndFlush(image).getId();
    }

    private ImageStatus status(UUID id) {
        return images.findById(id).orElseThrow().getStatus();
    }
}
