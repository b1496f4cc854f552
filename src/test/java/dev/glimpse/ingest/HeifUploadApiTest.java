package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.imaging.heif.HeifDecoder;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * HEIC (single image and iPhone-style tile grid) and AVIF through the API as a phone sends them: stored with their
 * upright size, their capture time and place read from the Exif item before GPS is blanked in the stored original,
 * shown to browsers as a JPEG, and captioned.
 */
@GlimpseTest
class HeifUploadApiTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @ParameterizedTest
    @CsvSource({
        "single-rotated.heic, 160, 240, Lisbon",
        "grid-cropped-rotated.heic, 240, 360, London",
        "rotated.avif, 200, 120, Lisbon"
    })
    void aPhonePhotoIsStoredDatedPlacedShownAsJpegAndCaptioned(String name, int width, int height, String city)
            throws Exception {
        HttpResponse<String> answer = api.upload(name, fixture(name));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = GlimpseHttp.firstFile(answer).get("id").asString();

        JsonNode image = api.json("/api/images/" + id);
        assertThat(image.get("width").asInt()).isEqualTo(width);
        assertThat(image.get("height").asInt()).isEqualTo(height);
        assertThat(image.get("takenAt").asString()).isEqualTo("2024-07-14T18:03:00+01:00");
        assertThat(image.get("place").get("city").asString()).isEqualTo(city);

        byte[] stored = api.bytes("/api/images/" + id + "/content");
        TiffImageMetadata exif = (TiffImageMetadata)
                Imaging.getMetadata(HeifDecoder.probe(stored).exif());
        assertThat(exif.getGpsInfo()).as("GPS in the stored original").isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude", "SECRET-XMP");

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(api.bytes("/api/images/" + id + "/display")));
        assertThat(shown).isNotNull();
        assertThat((double) shown.getWidth() / shown.getHeight()).isCloseTo((double) width / height, within());
        assertThat(ImageIO.read(new ByteArrayInputStream(api.bytes("/api/images/" + id + "/thumbnail"))))
                .isNotNull();

        JsonNode captioned = api.awaitImage(id, "READY", Duration.ofSeconds(120));
        System.out.println(name + " captioned: " + captioned.get("caption"));
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
}
