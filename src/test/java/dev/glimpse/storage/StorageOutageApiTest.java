package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Blob storage goes away while the app runs (its folder replaced by a file, so every write and delete fails as on a
 * broken or read-only disk): an upload is answered 503 with {@code Retry-After} and the same per-file body, reading an
 * image's bytes is a 503 problem, a delete still deletes (its blobs are left to the orphan sweeper); each logs one
 * warning and nothing logs a stack trace.
 */
@Tag("integration")
@GlimpseTest
class StorageOutageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void duringAnOutageUploadsAre503WithRetryAfterAndEachFailureIsOneWarningWithoutStackTrace() throws Exception {
        String deleted = storedId(api.upload("to-delete.png", TestImages.png(40, 30, 5101)));
        String kept = storedId(api.upload("to-read.png", TestImages.png(40, 30, 5102)));
        Path root = storage.local().root().toAbsolutePath();
        Path away = root.resolveSibling(root.getFileName() + "-away");
        Files.move(root, away);
        Files.writeString(root, "not a folder");
        HttpResponse<String> refused;
        HttpResponse<String> deletion;
        HttpResponse<String> read;
        CapturedLog log = CapturedLog.start();
        try (log) {
            refused = api.upload("during-outage.png", TestImages.png(40, 30, 5103));
            deletion = api.delete("/api/images/" + deleted);
            read = api.get("/api/images/" + kept + "/content");
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
        JsonNode file = GlimpseHttp.firstFile(refused);
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
        return GlimpseHttp.firstFile(response).get("id").asString();
    }
}
