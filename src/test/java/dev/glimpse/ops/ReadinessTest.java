package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.testsupport.GlimpseHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What the Docker health check and fly.io probe, {@code /actuator/health/readiness}, covers the database and the blob
 * store: it is UP with both, and DOWN (503, the {@code db} component DOWN) once the database goes away.
 */
@Tag("integration")
class ReadinessTest {

    @TempDir
    Path data;

    @Test
    void readinessCoversTheDatabaseAndTurnsDownWhenItStops() throws Exception {
        EmbeddedPostgres database = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("external-postgres"))
                .setCleanDataDirectory(true)
                .start();
        boolean stopped = false;
        try (ConfigurableApplicationContext app = start(database)) {
            GlimpseHttp api =
                    new GlimpseHttp(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            HttpResponse<String> ready = readiness(api);
            System.out.println("readiness with the database: " + ready.statusCode() + " " + ready.body());
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode components = GlimpseHttp.json(ready).get("components");
            assertThat(components.propertyNames()).containsExactlyInAnyOrder("db", "blobStorage", "readinessState");
            assertThat(components.at("/db/status").asString()).isEqualTo("UP");

            database.close();
            stopped = true;

            HttpResponse<String> down = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(api), response -> response.statusCode() == 503);
            System.out.println("readiness without the database: " + down.statusCode() + " " + down.body());
            JsonNode downComponents = GlimpseHttp.json(down).get("components");
            assertThat(downComponents.at("/db/status").asString()).isEqualTo("DOWN");
            assertThat(downComponents.at("/blobStorage/status").asString()).isEqualTo("UP");
        } finally {
            if (!stopped) {
                database.close();
            }
        }
    }

    private ConfigurableApplicationContext start(EmbeddedPostgres database) {
        return new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=false",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        // the health check answers within its time-out once the server is gone
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--glimpse.storage.local.root=" + data.resolve("blobs"),
                        "--glimpse.index.directory=" + data.resolve("index"));
    }

    private static HttpResponse<String> readiness(GlimpseHttp api) {
        return api.send(api.request("/actuator/health/readiness")
                .timeout(Duration.ofSeconds(30))
                .build());
    }
}
