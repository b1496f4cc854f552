package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.glimpse.GlimpseApplication;
import dev.glimpse.base.EmbeddedPostgresVersion.IncompatibleDataFolderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * A data folder left by an earlier Glimpse (PostgreSQL 14) stops the start with a short report that names both
 * versions and the upgrade, and nothing in the folder is touched.
 */
@Tag("integration")
class IncompatibleDataFolderTest {

    @TempDir
    Path data;

    @Test
    void aDataFolderOfPostgres14StopsTheStartWithTheUpgradeStepsAndIsLeftAsItWas() throws Exception {
        Path folder = data.resolve("postgres");
        Files.createDirectories(folder.resolve("base"));
        Files.writeString(folder.resolve("PG_VERSION"), "14\n");
        Files.writeString(folder.resolve("postgresql.conf"), "# written by PostgreSQL 14\n");
        Files.writeString(folder.resolve("base/1"), "table data");
        Map<String, String> before = contents(folder);

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GlimpseApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--glimpse.pipeline.enabled=false",
                        "--glimpse.database.embedded.clean=false",
                        "--glimpse.database.embedded.data-directory=" + folder,
                        "--glimpse.storage.local.root=" + data.resolve("blobs"),
                        "--glimpse.index.directory=" + data.resolve("index"))
                .close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(IncompatibleDataFolderException.class);
        FailureAnalysis analysis = new IncompatibleDataFolderFailureAnalyzer().analyze(failure);
        System.out.println(analysis.getDescription() + "\n" + analysis.getAction());
        assertThat(analysis.getDescription())
                .contains(
                        folder.toAbsolutePath().toString(),
                        "PostgreSQL 14",
                        "PostgreSQL " + EmbeddedPostgresVersion.MAJOR);
        assertThat(analysis.getAction()).contains("upgrade-embedded-postgres.sh", "DATABASE_URL");
        assertThat(contents(folder)).as("nothing in the folder changed").isEqualTo(before);
    }

    @Test
    void aNewOrCurrentDataFolderPassesTheCheck() throws Exception {
        Path empty = Files.createDirectories(data.resolve("empty"));
        Path current = Files.createDirectories(data.resolve("current"));
        Files.writeString(current.resolve("PG_VERSION"), EmbeddedPostgresVersion.MAJOR + "\n");

        assertThatNoException().isThrownBy(() -> EmbeddedPostgresVersion.checkDataFolder(empty));
        assertThatNoException().isThrownBy(() -> EmbeddedPostgresVersion.checkDataFolder(current));
    }

    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }
}
