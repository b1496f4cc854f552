package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@Tag("integration")
@GlimpseTest
class ImageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    ImageIndex index;

    @Autowired
    BlobStore blobs;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void postAnswersPerFileAndGetShowsTheCaptionOnceReady() throws Exception {
        Multipart body = new Multipart()
                .file("files", "cat.png", TestImages.png(64, 48, 501))
                .file("files", "notes.png", "just some text".getBytes());

        HttpResponse<String> response = api.upload(body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode files = GlimpseHttp.json(response).get("files");
        assertThat(files.get(0).get("status").asString()).isEqualTo("stored");
        assertThat(files.get(1).get("status").asString()).isEqualTo("refused");
        assertThat(files.get(1).get("message").asString()).contains("plain text");
        String id = files.get(0).get("id").asString();

        JsonNode image = api.awaitImage(id, "READY", Duration.ofSeconds(90));
        assertThat(image.get("caption").asString()).isNotBlank();
        assertThat(image.get("contentUrl").asString()).isEqualTo("/api/images/" + id + "/content");
    }

    @Test
    void unknownImageIsAProblemDetail() throws Exception {
        HttpResponse<String> response = api.get("/api/images/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("application/problem+json");
        assertThat(GlimpseHttp.json(response).get("title").asString()).isEqualTo("No such image");
    }

    @Test
    void deleteThroughTheApiRemovesTheImage() throws Exception {
        String id = GlimpseHttp.firstFile(api.upload("x.png", TestImages.png(30, 30, 502)))
                .get("id")
                .asString();

        HttpResponse<String> deleted = api.delete("/api/images/" + id);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/images/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void twentyConcurrentUploadsWithFiveIdenticalPairsEndAsFifteenReadyImages() throws Exception {
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            distinct.add(TestImages.png(96, 72, 600 + i));
        }
        List<byte[]> uploads = new ArrayList<>(distinct);
        uploads.addAll(distinct.subList(0, 5));

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            HttpRequest request = new Multipart()
                    .file("files", "c" + i + ".png", uploads.get(i))
                    .post(api.request("/api/images"));
            responses.add(api.sendAsync(request));
        }
        Set<UUID> ids = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            JsonNode file = GlimpseHttp.firstFile(response.get());
            assertThat(file.get("status").asString()).isIn("stored", "duplicate");
            ids.add(UUID.fromString(file.get("id").asString()));
        }

        assertThat(ids).hasSize(15);
        // READY is committed first and the index document is written just after that commit: wait for both
        await().atMost(Duration.ofSeconds(120))
                .until(() -> ids.stream()
                        .allMatch(id -> images.findById(id).orElseThrow().getStatus() == ImageStatus.READY
                                && index.documentsFor(id) > 0));
        for (byte[] bytes : distinct) {
            Image image = images.findBySha256(IngestService.sha256(bytes)).orElseThrow();
            assertThat(index.documentsFor(image.getId())).isEqualTo(1);
            assertThat(blobs.exists(image.getStorageKey())).isTrue();
        }
    }

    @Test
    void bulkImportScriptUploadsAFolderAndReportsWhatHappened(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Files.write(folder.resolve("one.png"), TestImages.png(40, 30, 901));
        java.nio.file.Files.createDirectories(folder.resolve("nested"));
        java.nio.file.Files.write(folder.resolve("nested/two.jpg"), TestImages.jpeg(40, 30, 902));
        java.nio.file.Files.writeString(folder.resolve("fake.gif"), "not an image");

        Process process = new ProcessBuilder(
                        "bash", "src/main/scripts/bulk-import.sh", folder.toString(), "http://localhost:" + port)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isZero();
        assertThat(output).contains("100%").contains("Stored 2, already there 0, refused 1.");
    }
}
