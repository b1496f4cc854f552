package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.imaging.heif.HeifDecoder;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HEIC (single image and iPhone-style tile grid) and AVIF through the API as a phone sends them: stored with their
 * upright size, their capture time and place read from the Exif item before GPS is blanked in the stored original,
 * shown to browsers as a JPEG, and captioned.
 */
@GlimpseTest
class HeifUploadApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({
        "single-rotated.heic, 160, 240, Lisbon",
        "grid-cropped-rotated.heic, 240, 360, London",
        "rotated.avif, 200, 120, Lisbon"
    })
    void aPhonePhotoIsStoredDatedPlacedShownAsJpegAndCaptioned(String name, int width, int height, String city)
            throws Exception {
        HttpResponse<String> answer = http.send(
                new Multipart().file("files", name, fixture(name)).post(uri("/api/images")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = JSON.readTree(answer.body()).at("/files/0/id").asString();

        JsonNode image = json("/api/images/" + id);
        assertThat(image.get("width").asInt()).isEqualTo(width);
        assertThat(image.get("height").asInt()).isEqualTo(height);
        assertThat(image.get("takenAt").asString()).isEqualTo("2024-07-14T18:03:00+01:00");
        assertThat(image.get("place").get("city").asString()).isEqualTo(city);

        byte[] stored = bytes("/api/images/" + id + "/content");
        TiffImageMetadata exif = (TiffImageMetadata)
                Imaging.getMetadata(HeifDecoder.probe(stored).exif());
        assertThat(exif.getGpsInfo()).as("GPS in the stored original").isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude", "SECRET-XMP");

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(bytes("/api/images/" + id + "/display")));
        assertThat(shown).isNotNull();
        assertThat((double) shown.getWidth() / shown.getHeight()).isCloseTo((double) width / height, within());
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes("/api/images/" + id + "/thumbnail"))))
                .isNotNull();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> json("/api/images/" + id).get("status").asString().equals("READY"));
        System.out.println(name + " captioned: " + json("/api/images/" + id).get("caption"));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.02);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = HeifUploadApiTest.class.getResourceAsStream("/imaging/heif/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
