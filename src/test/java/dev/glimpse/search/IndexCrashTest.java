package dev.glimpse.search;

import static dev.glimpse.search.TestLibrary.database;
import static dev.glimpse.search.TestLibrary.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash during an index commit leaves some file of the new commit missing, torn or unrenamed. Whichever it is, the
 * index opens as the last good commit with that commit's position, or afresh without a position; replaying the
 * changes after the position (or rebuilding, without one) makes it whole again.
 */
class IndexCrashTest {

    @TempDir
    Path work;

    private final IndexedImage first = image("a lighthouse on a cliff");
    private final IndexedImage second = image("two cats on a sofa");

    @Test
    void indexWithAnyFileOfItsLastCommitTornOpensAndIsRepaired() throws IOException {
        Path committed = twoCommits();
        List<String> files = filesOf(committed);
        assertThat(files).isNotEmpty();

        for (String torn : files) {
            Path copy = copyOf(committed, "torn-" + torn);
            Path file = copy.resolve(torn);
            Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) / 2));

            assertOpensAndIsRepaired(copy, "torn " + torn);
        }
    }

    @Test
    void indexWithAnyFileOfItsLastCommitMissingOpensAndIsRepaired() throws IOException {
        Path committed = twoCommits();

        for (String missing : filesOf(committed)) {
            Path copy = copyOf(committed, "missing-" + missing);
            Files.delete(copy.resolve(missing));

            assertOpensAndIsRepaired(copy, "missing " + missing);
        }
    }

    @Test
    void commitInterruptedBeforeItsSegmentsFileWasRenamedKeepsThePreviousCommit() throws IOException {
        Path committed = twoCommits();
        Path copy = copyOf(committed, "pending");
        try (Stream<Path> segments = Files.list(copy)) {
            Path latest = segments.filter(path -> path.getFileName().toString().startsWith("segments_"))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElseThrow();
            Files.move(latest, copy.resolve("pending_" + latest.getFileName()));
        }

        assertOpensAndIsRepaired(copy, "pending segments file");
    }

    private void assertOpensAndIsRepaired(Path folder, String damage) {
        try (ImageIndex index = new ImageIndex(folder)) {
            assertThat(index.size()).as(damage).isLessThanOrEqualTo(2);
            java.util.OptionalLong position = index.appliedSequence();
            if (position.isEmpty()) {
                index.replaceAll(database(first, second), 2);
            } else {
                // the documents match the position they were committed with
                assertThat(index.documentsFor(first.id())).as(damage).isEqualTo(1);
                assertThat(index.documentsFor(second.id())).as(damage).isEqualTo(position.getAsLong() >= 2 ? 1 : 0);
                if (position.getAsLong() < 2) {
                    index.apply(List.of(second), List.of(), 2);
                }
            }

            assertThat(index.size()).as(damage).isEqualTo(2);
            assertThat(index.documentsFor(first.id())).as(damage).isEqualTo(1);
            assertThat(index.documentsFor(second.id())).as(damage).isEqualTo(1);
            assertThat(index.caption(second.id())).as(damage).hasValue("two cats on a sofa");
        }
    }

    private Path twoCommits() {
        Path folder = work.resolve("committed");
        try (ImageIndex index = new ImageIndex(folder)) {
            index.apply(List.of(first), List.of(), 1);
            index.apply(List.of(second), List.of(), 2);
        }
        return folder;
    }

    private static List<String> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("write.lock"))
                    .sorted()
                    .toList();
        }
    }

    private Path copyOf(Path folder, String name) throws IOException {
        Path copy = work.resolve(name);
        Files.createDirectories(copy);
        for (String file : filesOf(folder)) {
            Files.copy(folder.resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
