package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.SecuredGlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Storage goes away while the app runs: health turns DOWN with the reason, uploads fail cleanly, both recover. */
@Tag("integration")
@SecuredGlimpseTest
class BlobStoreHealthTest {

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    @Autowired
    BlobStoreHealthIndicator indicator;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void healthFlipsToDownWhileStorageIsGoneAndBackWhenItReturns() throws Exception {
        Path root = storage.local().root().toAbsolutePath();
        Path away = root.resolveSibling("blobs-away");
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(health().body()).contains("\"blobStorage\":{\"status\":\"UP\"");

        Files.createDirectories(root);
        long blobsBefore = countFiles(root);
        Files.move(root, away);
        Files.writeString(root, "not a folder");
        try {
            HttpResponse<String> down = health();
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"blobStorage\":{\"status\":\"DOWN\"");
            assertThat(indicator.health().getDetails().get("reason").toString()).contains("not usable");
            HttpResponse<String> upload = upload(501);
            assertThat(upload.statusCode()).isEqualTo(503);
            assertThat(upload.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(upload.body()).contains("\"status\":\"unavailable\"");
        } finally {
            Files.delete(root);
            Files.move(away, root);
        }

        assertThat(countFiles(root)).as("nothing was deleted").isEqualTo(blobsBefore);
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(health().body()).contains("\"blobStorage\":{\"status\":\"UP\"");
        HttpResponse<String> upload = upload(502);
        assertThat(upload.statusCode()).isEqualTo(201);
        assertThat(upload.body()).contains("\"status\":\"stored\"");
    }

    private HttpResponse<String> health() {
        return api.get("/actuator/health");
    }

    private HttpResponse<String> upload(int seed) {
        return api.withToken(SecuredGlimpseTest.BOB_TOKEN)
                .upload("outage-" + seed + ".png", TestImages.png(48, 32, seed));
    }

    private static long countFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
