package dev.glimpse.importing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files of a folder tree in a stable order (by path): every regular file whatever its name, since the
 * upload's checks, not the extension, decide what is an image. Hidden entries (names starting with a dot: {@code
 * .thumbnails}, {@code .DS_Store}, macOS {@code ._} companions) and symbolic links (which could loop or leave the tree)
 * are skipped.
 */
public final class FolderWalker {

    private FolderWalker() {}

    public static List<SourceFile> walk(Path root) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw new IOException(root + " is not a folder");
        }
        String rootName = start.getFileName() == null ? "" : start.getFileName().toString();
        List<SourceFile> files = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(start) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !hidden(file)) {
                    files.add(new SourceFile(file, sourcePath(rootName, start.relativize(file))));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // an unreadable entry is listed: reading it fails, and the report says why
                files.add(new SourceFile(file, sourcePath(rootName, start.relativize(file))));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SourceFile::sourcePath));
        return files;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String sourcePath(String rootName, Path relative) {
        List<String> parts = new ArrayList<>();
        if (!rootName.isEmpty()) {
            parts.add(rootName);
        }
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
