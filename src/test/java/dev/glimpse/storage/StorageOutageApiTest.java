package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Blob storage goes away while the app runs (its folder replaced by a file, so every write and delete fails as on a
 * broken or read-only disk): an upload is answered 503 with {@code Retry-After} and the same per-file body, reading an
 * image's bytes is a 503 problem, a delete still deletes (its blobs are left to the orphan sweeper); each logs one
 * warning and nothing logs a stack trace.
 */
@Tag("integration")
@GlimpseTest
class StorageOutageApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void duringAnOutageUploadsAre503WithRetryAfterAndEachFailureIsOneWarningWithoutStackTrace() throws Exception {
        String deleted = storedId(upload("to-delete.png", TestImages.png(40, 30, 5101)));
        String kept = storedId(upload("to-read.png", TestImages.png(40, 30, 5102)));
        Path root = storage.local().root().toAbsolutePath();
        Path away = root.resolveSibling(root.getFileName() + "-away");
        Files.move(root, away);
        Files.writeString(root, "not a folder");
        HttpResponse<String> refused;
        HttpResponse<String> deletion;
        HttpResponse<String> read;
        CapturedLog log = CapturedLog.start();
        try (log) {
            refused = upload("during-outage.png", TestImages.png(40, 30, 5103));
            deletion = send(HttpRequest.newBuilder(uri("/api/images/" + deleted))
                    .DELETE()
                    .build());
            read = send(HttpRequest.newBuilder(uri("/api/images/" + kept + "/content"))
                    .build());
        } finally {
            Files.delete(root);
            Files.move(away, root);
        }
        System.out.println(
                "Upload: " + refused.statusCode() + " " + refused.headers().map() + " " + refused.body());
        System.out.println("Delete: " + deletion.statusCode() + "; read: " + read.statusCode() + " " + read.body());
        System.out.println("Warnings: " + log.warningsFrom("dev.glimpse"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode file = JSON.readTree(refused.body()).get("files").get(0);
        assertThat(file.get("status").asString()).isEqualTo("unavailable");
        assertThat(file.get("message").asString()).contains("storage is unavailable right now");
        assertThat(deletion.statusCode()).isEqualTo(204);
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(read.body()).contains("Storage unavailable");

        assertThat(log.stackTraces()).isEmpty();
        assertThat(log.errors()).isEmpty();
        assertThat(warningsMentioning(log, "during-outage.png")).hasSize(1);
        assertThat(warningsMentioning(log, deleted)).hasSize(1);
        assertThat(log.warningsFrom("dev.glimpse.storage.StorageProblems")).hasSize(1);
    }

    private static List<String> warningsMentioning(CapturedLog log, String text) {
        return log.warningsFrom("").stream().filter(line -> line.contains(text)).toList();
    }

    private static String storedId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("files").get(0).get("id").asString();
    }

    private HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        return send(new Multipart().file("files", name, bytes).post(uri("/api/images")));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
