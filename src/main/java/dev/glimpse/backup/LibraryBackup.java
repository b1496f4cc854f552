package dev.glimpse.backup;

import dev.glimpse.storage.BlobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup of the library while the server runs: first the blobs of the image rows in the snapshot (an image
 * whose blob a user deleted meanwhile is left out), then every table as of the same snapshot, the manifest and the
 * checksums. It is written into a temporary folder beside the target and renamed into place when complete, so a
 * backup folder is whole or absent.
 */
final class LibraryBackup {

    private final DataSource dataSource;
    private final BlobStore blobs;
    private final PrintStream out;

    LibraryBackup(DataSource dataSource, BlobStore blobs, PrintStream out) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.out = out;
    }

    BackupManifest write(Path target, String version) throws IOException, SQLException {
        Path folder = target.toAbsolutePath().normalize();
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new IOException(folder + " exists and is not empty; name a new folder for the backup");
        }
        Path partial = folder.resolveSibling(
                folder.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Files.createDirectories(partial.resolve("tables"));
        try (DatabaseSnapshot snapshot = new DatabaseSnapshot(dataSource.getConnection())) {
            List<DatabaseSnapshot.ImageBlobs> images = snapshot.images();
            long position = snapshot.changeLogPosition();
            BlobCopy copied = copyBlobs(images, partial.resolve("blobs"));
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String table : snapshot.tables()) {
                List<String> columns = snapshot.columns(table);
                String file = "tables/" + table + ".copy";
                long rows = snapshot.copy(table, columns, copied.leftOut(), partial.resolve(file));
                tables.add(new BackupManifest.Table(table, columns, rows, file));
            }
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    Instant.now().toString(),
                    version,
                    position,
                    snapshot.changeSets(),
                    tables,
                    copied.count(),
                    copied.bytes(),
                    List.copyOf(copied.leftOut()));
            JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValue(partial.resolve(BackupManifest.FILE).toFile(), manifest);
            Checksums.write(partial);
            if (Files.exists(folder)) {
                Files.delete(folder);
            }
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    private BlobCopy copyBlobs(List<DatabaseSnapshot.ImageBlobs> images, Path folder) throws IOException {
        Set<String> leftOut = new LinkedHashSet<>();
        long count = 0;
        long bytes = 0;
        int done = 0;
        for (DatabaseSnapshot.ImageBlobs image : images) {
            Optional<byte[]> original = blobs.get(image.storageKey());
            Optional<byte[]> thumbnail = blobs.get(image.thumbnailKey());
            if (original.isEmpty() || thumbnail.isEmpty()) {
                leftOut.add(image.id()); // deleted (purged with its blobs) after the snapshot began
                continue;
            }
            bytes += write(folder, image.storageKey(), original.get());
            bytes += write(folder, image.thumbnailKey(), thumbnail.get());
            count += 2;
            if (++done % 1000 == 0) {
                out.println("copied the blobs of " + done + " of " + images.size() + " images");
            }
        }
        return new BlobCopy(count, bytes, leftOut);
    }

    private static long write(Path folder, String key, byte[] bytes) throws IOException {
        Path file = folder.resolve(key).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException("Refusing a blob key outside the backup: " + key);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return bytes.length;
    }

    static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record BlobCopy(long count, long bytes, Set<String> leftOut) {}
}
