package dev.glimpse.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-bench} at a tiny size: its photos are all imported (none refused, none a duplicate of another), into
 * the library it made; an unknown option is refused with the options listed. The captioning part runs through the
 * jar in {@code DocumentedCommandsTest}.
 */
class ImportBenchmarkTest {

    @TempDir
    Path scratch;

    @Test
    void importsEveryGeneratedPhotoIntoAFreshLibrary() throws Exception {
        int exit = ImportBenchmark.runFromCommandLine(
                new String[] {"--count=8", "--no-captions", "--threads=2", "--dir=" + scratch}, Object.class);
        assertThat(exit).isZero();
        try (Stream<Path> photos = Files.walk(scratch.resolve("photos"));
                Stream<Path> blobs = Files.walk(scratch.resolve("library/blobs"))) {
            assertThat(photos.filter(Files::isRegularFile)).hasSize(8);
            // an original and a thumbnail per photo
            assertThat(blobs.filter(Files::isRegularFile)
                            .filter(blob -> !blob.getFileName().toString().endsWith(".part")))
                    .hasSize(16);
        }
        assertThat(Files.readAllLines(scratch.resolve("refused.tsv"))).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefused() throws Exception {
        assertThat(ImportBenchmark.runFromCommandLine(new String[] {"--cout=8"}, Object.class))
                .isEqualTo(2);
    }
}
