package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The blob disk has less free space than {@code glimpse.storage.local.min-free-space} (here: a minimum larger than any
 * disk): readiness is DOWN with the reason, liveness stays UP, and an upload is answered 503 with a longer
 * {@code Retry-After} and "storage is full", logged as one warning without a stack trace. Nothing is written.
 */
@Tag("integration")
class StorageFullTest {

    @TempDir
    Path data;

    @Test
    void diskBelowTheFreeSpaceMinimumIsNotReadyAndUploadsAre503StorageIsFull() throws Exception {
        Path blobs = data.resolve("blobs");
        try (ConfigurableApplicationContext app = start(blobs)) {
            GlimpseHttp api =
                    new GlimpseHttp(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            HttpResponse<String> readiness = api.get("/actuator/health/readiness");
            HttpResponse<String> liveness = api.get("/actuator/health/liveness");
            String reason = app.getBean(BlobStoreHealthIndicator.class)
                    .health()
                    .getDetails()
                    .get("reason")
                    .toString();
            HttpResponse<String> upload;
            CapturedLog log = CapturedLog.start();
            try (log) {
                upload = api.upload("no-room.png", TestImages.png(48, 32, 5201));
            }
            System.out.println("Readiness: " + readiness.statusCode() + " " + readiness.body() + "; reason: " + reason);
            System.out.println(
                    "Upload: " + upload.statusCode() + " " + upload.headers().map() + " " + upload.body());

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"blobStorage\":{\"status\":\"DOWN\"");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(reason).contains("is full").contains("min-free-space");
            assertThat(upload.statusCode()).isEqualTo(503);
            assertThat(upload.headers().firstValue("Retry-After")).hasValue("300");
            JsonNode file = GlimpseHttp.firstFile(upload);
            assertThat(file.get("status").asString()).isEqualTo("unavailable");
            assertThat(file.get("message").asString()).contains("storage is full");
            assertThat(log.stackTraces()).isEmpty();
            assertThat(log.warningsFrom("dev.glimpse.ingest")).hasSize(1);
            assertThat(countFiles(blobs)).isZero();
        }
    }

    private ConfigurableApplicationContext start(Path blobs) {
        return new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=false",
                        "--glimpse.storage.local.root=" + blobs,
                        "--glimpse.storage.local.min-free-space=100000TB",
                        "--glimpse.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--glimpse.index.directory=" + data.resolve("index"));
    }

    private static long countFiles(Path root) throws Exception {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
