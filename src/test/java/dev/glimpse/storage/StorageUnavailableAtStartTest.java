package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Blob storage cannot be reached when the app starts: it starts anyway, reports itself DOWN with the reason, answers
 * uploads with a clear "unavailable", and works as soon as storage is there.
 */
@Tag("integration")
class StorageUnavailableAtStartTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void appStartsDegradedAndRecoversWhenStorageArrives() throws Exception {
        Path root = data.resolve("blobs");
        Files.writeString(root, "not a folder");

        try (ConfigurableApplicationContext app = start(root)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> down = get(port, "/actuator/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"blobStorage\":{\"status\":\"DOWN\"");
            assertThat(app.getBean(BlobStoreHealthIndicator.class)
                            .health()
                            .getDetails()
                            .get("reason")
                            .toString())
                    .contains("not usable");
            HttpResponse<String> refused = upload(port, 1400);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(refused.body()).contains("\"status\":\"unavailable\"");

            Files.delete(root);
            Files.createDirectories(root);

            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> stored = upload(port, 1401);
            assertThat(stored.statusCode()).isEqualTo(201);
            assertThat(stored.body()).contains("\"status\":\"stored\"");
        }
    }

    private ConfigurableApplicationContext start(Path blobs) {
        return new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=false",
                        "--glimpse.storage.local.root=" + blobs,
                        "--glimpse.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--glimpse.index.directory=" + data.resolve("index"));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(int port, int seed) throws Exception {
        HttpRequest request = new Multipart()
                .file("files", "at-start-" + seed + ".png", TestImages.png(48, 32, seed))
                .post(URI.create("http://localhost:" + port + "/api/images"));
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
