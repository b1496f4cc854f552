package dev.glimpse.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWalkerTest {

    @TempDir
    Path scratch;

    @Test
    void listsEveryRegularFileOfTheTreeByPathWithTheFolderNameFirst() throws IOException {
        Path photos = Files.createDirectories(scratch.resolve("Photos"));
        write(photos.resolve("2019/Paris/b.jpg"));
        write(photos.resolve("2019/Paris/a.png"));
        write(photos.resolve("notes.txt"));
        write(photos.resolve("2020/x.heic"));

        List<SourceFile> files = FolderWalker.walk(photos);

        assertThat(files)
                .extracting(SourceFile::sourcePath)
                .containsExactly(
                        "Photos/2019/Paris/a.png", "Photos/2019/Paris/b.jpg", "Photos/2020/x.heic", "Photos/notes.txt");
        assertThat(files.getFirst().file())
                .isEqualTo(photos.resolve("2019/Paris/a.png").toAbsolutePath());
    }

    @Test
    void skipsHiddenFilesHiddenFoldersAndSymbolicLinks() throws IOException {
        Path photos = Files.createDirectories(scratch.resolve("photos"));
        write(photos.resolve("kept.jpg"));
        write(photos.resolve(".DS_Store"));
        write(photos.resolve("._kept.jpg"));
        write(photos.resolve(".thumbnails/t.jpg"));
        Files.createSymbolicLink(photos.resolve("loop"), photos);
        Files.createSymbolicLink(photos.resolve("link.jpg"), photos.resolve("kept.jpg"));

        assertThat(FolderWalker.walk(photos)).extracting(SourceFile::sourcePath).containsExactly("photos/kept.jpg");
    }

    @Test
    void aFileOrAMissingFolderIsNotAFolderToImport() throws IOException {
        Path file = scratch.resolve("one.jpg");
        write(file);

        assertThatThrownBy(() -> FolderWalker.walk(file)).hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> FolderWalker.walk(scratch.resolve("missing"))).hasMessageContaining("is not a folder");
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
    }
}
