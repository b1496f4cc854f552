package dev.glimpse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and fly.toml agree with each other and with what the app does: a non-root image whose data, index
 * and model folders exist, a health check on the port the app listens on, no volume hiding newer baked-in models, a
 * heap cap that leaves the model weights room, and forwarded headers read behind fly's proxy.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theImageRunsAsItsOwnUserWithItsDataIndexAndModelFoldersInPlace() throws Exception {
        DockerfileFacts image = DockerfileFacts.read(ROOT.resolve("Dockerfile"));
        assertThat(image.ownedFolders()).contains("/app/data", "/app/data/blobs", "/app/data/index", "/app/models");
        assertThat(image.starting("USER")).containsExactly("USER glimpse");
        assertThat(image.starting("VOLUME"))
                .as("an anonymous volume would hide newer baked-in models")
                .isEmpty();
    }

    @Test
    void theHealthCheckAsksTheReadinessOfThePortTheAppListensOn() throws Exception {
        DockerfileFacts image = DockerfileFacts.read(ROOT.resolve("Dockerfile"));
        List<String> healthCheck = image.starting("HEALTHCHECK");
        assertThat(healthCheck).hasSize(1);
        assertThat(healthCheck.getFirst())
                .contains("http://localhost:${PORT}/actuator/health/readiness")
                .doesNotContain("localhost:8080");
        assertThat(image.starting("ENV")).contains("ENV PORT=8080");
        assertThat(image.starting("EXPOSE")).containsExactly("EXPOSE 8080");
    }

    @Test
    void theHeapIsCappedAndDirectMemoryHoldsTheWeights() throws Exception {
        DockerfileFacts image = DockerfileFacts.read(ROOT.resolve("Dockerfile"));
        assertThat(String.join("\n", image.instructions()))
                .doesNotContain("MaxRAMPercentage")
                .contains("ENV JDK_JAVA_OPTIONS=\"-Xmx1g -XX:MaxDirectMemorySize=2g\"");
    }

    @Test
    void flyChecksReadinessOnItsPortBehindItsProxyOnTheDocumentedMachine() throws Exception {
        String fly = Files.readString(ROOT.resolve("fly.toml"));
        assertThat(fly)
                .contains("PORT = \"8080\"", "internal_port = 8080", "path = \"/actuator/health/readiness\"")
                .contains("SERVER_FORWARD_HEADERS_STRATEGY = \"native\"")
                .contains("memory = \"4gb\"");
    }
}
