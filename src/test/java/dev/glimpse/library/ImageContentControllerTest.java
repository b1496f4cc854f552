package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@Tag("integration")
@GlimpseTest
class ImageContentControllerTest {

    @Autowired
    IngestService ingest;

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void servesTheStoredImageWithItsTypeAndSafeCachingHeaders() throws Exception {
        byte[] png = TestImages.png(50, 40, 201);
        ImageSummary image = ((IngestOutcome.Stored) ingest.ingest("a.png", png)).image();

        HttpResponse<byte[]> response = api.getBytes(image.contentUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control"))
                .get()
                .asString()
                .contains("immutable");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'none'");
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void servesAJpegThumbnail() throws Exception {
        ImageSummary image = ((IngestOutcome.Stored) ingest.ingest("b.png", TestImages.png(900, 600, 202))).image();

        HttpResponse<byte[]> response = api.getBytes(image.thumbnailUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var thumbnail = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(213);
    }

    @Test
    void unknownImageIsNotFound() throws Exception {
        assertThat(api.getBytes(ImageContentController.contentPath(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
    }
}
