package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.TestImages;
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

    @Test
    void appStartsDegradedAndRecoversWhenStorageArrives() throws Exception {
        Path root = data.resolve("blobs");
        Files.writeString(root, "not a folder");

        try (ConfigurableApplicationContext app = start(root)) {
            GlimpseHttp api =
                    new GlimpseHttp(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            HttpResponse<String> down = api.get("/actuator/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"blobStorage\":{\"status\":\"DOWN\"");
            assertThat(app.getBean(BlobStoreHealthIndicator.class)
                            .health()
                            .getDetails()
                            .get("reason")
                            .toString())
                    .contains("not usable");
            HttpResponse<String> refused = upload(api, 1400);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(refused.body()).contains("\"status\":\"unavailable\"");

            Files.delete(root);
            Files.createDirectories(root);

            assertThat(api.get("/actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> stored = upload(api, 1401);
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

    private static HttpResponse<String> upload(GlimpseHttp api, int seed) {
        return api.upload("at-start-" + seed + ".png", TestImages.png(48, 32, seed));
    }
}
