package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.ImageRepository;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The status of {@code POST /api/images} says what happened to the request as a whole, while the body always lists
 * each file: a request whose every file is refused is a client error (413 all too large, 415 all of a type not
 * accepted, 422 otherwise or for mixed reasons); a request with anything stored is 201, with only duplicates 200.
 */
@Tag("integration")
@GlimpseTest
class UploadStatusApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void requestWhoseOnlyFileIsNotAnImageIsUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = api.upload(new Multipart().file("files", "notes.png", text("shopping list")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertFiles(response, "refused");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void requestWhoseFilesAreAllTooLargeIsContentTooLarge() throws Exception {
        HttpResponse<String> response = api.upload(
                new Multipart().file("files", "big-1.jpg", oversized(1)).file("files", "big-2.jpg", oversized(2)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertFiles(response, "refused", "refused");
        assertThat(response.body()).contains("is larger than the limit of 5 MB");
    }

    @Test
    void requestWhoseOnlyFileIsDamagedIsUnprocessable() throws Exception {
        byte[] png = TestImages.png(64, 48, 4401);
        HttpResponse<String> response =
                api.upload(new Multipart().file("files", "cut.png", Arrays.copyOf(png, png.length / 2)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertFiles(response, "refused");
    }

    @Test
    void requestWhoseFilesAreRefusedForDifferentReasonsIsUnprocessable() throws Exception {
        long rows = images.count();

        HttpResponse<String> response = api.upload(new Multipart()
                .file("files", "big.jpg", oversized(3))
                .file("files", "notes.png", text("not a picture")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertFiles(response, "refused", "refused");
        assertThat(images.count()).isEqualTo(rows);
    }

    @Test
    void requestWithOneStoredAndOneRefusedFileIsCreatedAndAnswersPerFile() throws Exception {
        HttpResponse<String> response = api.upload(new Multipart()
                .file("files", "kept.png", TestImages.png(40, 30, 4402))
                .file("files", "notes.png", text("not a picture either")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertFiles(response, "stored", "refused");
    }

    @Test
    void requestWithOnlyADuplicateAndARefusedFileIsOk() throws Exception {
        byte[] png = TestImages.png(40, 30, 4403);
        assertThat(api.upload(new Multipart().file("files", "first.png", png)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> response =
                api.upload(new Multipart().file("files", "again.png", png).file("files", "big.jpg", oversized(4)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertFiles(response, "duplicate", "refused");
    }

    private static void assertFiles(HttpResponse<String> response, String... statuses) {
        JsonNode files = GlimpseHttp.json(response).get("files");
        List<String> found =
                files.valueStream().map(file -> file.get("status").asString()).toList();
        System.out.println(response.statusCode() + " " + response.body());
        assertThat(found).containsExactly(statuses);
    }

    private static byte[] text(String words) {
        return words.getBytes(StandardCharsets.UTF_8);
    }

    /** A real JPEG followed by zeros, past the 5 MB limit. */
    private static byte[] oversized(long seed) {
        return TestImages.oversizedJpeg(4410 + seed);
    }
}
