package dev.glimpse.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalReportTest {

    @TempDir
    Path scratch;

    @Test
    void listsEachRefusedFileWithItsReasonOnOneLineAsItHappens() throws IOException {
        Path file = scratch.resolve("reports/refused.tsv");
        try (RefusalReport report = new RefusalReport(file)) {
            report.refused(Path.of("/photos/notes.txt"), "is not an image\n(text)");
            // flushed at once: a run killed now leaves this line
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                    .containsExactly("/photos/notes.txt\tis not an image (text)");
            report.refused(Path.of("/photos/a\tb.jpg"), "is larger than the limit of 64 MB");
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly(
                        "/photos/notes.txt\tis not an image (text)",
                        "/photos/a b.jpg\tis larger than the limit of 64 MB");
    }

    @Test
    void eachRunStartsTheReportAfresh() throws IOException {
        Path file = scratch.resolve("refused.tsv");
        Files.writeString(file, "old line\n");
        try (RefusalReport report = new RefusalReport(file)) {
            assertThat(report.file()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(file).isEmptyFile();
    }

    @Test
    void theSummaryLineIsExactly() {
        assertThat(new ImportSummary(300, 20, 5).line()).isEqualTo("imported 300, duplicates 20, refused 5");
    }
}
