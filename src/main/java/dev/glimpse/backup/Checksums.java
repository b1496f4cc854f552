package dev.glimpse.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code SHA256SUMS} file of a backup, in the format {@code sha256sum -c} checks: one line per file, its hex
 * digest, two spaces and its path relative to the backup folder.
 */
final class Checksums {

    private Checksums() {}

    static String sha256(Path file) throws IOException {
        try (InputStream input = new DigestInputStream(Files.newInputStream(file), digest())) {
            input.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) input).getMessageDigest().digest());
        }
    }

    /** Writes the checksums of every file under {@code folder} (except the checksum file itself). */
    static void write(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(BackupManifest.CHECKSUMS)) {
                    lines.add(sha256(file) + "  " + relative);
                }
            }
        }
        Files.write(folder.resolve(BackupManifest.CHECKSUMS), lines, StandardCharsets.UTF_8);
    }

    /** Checks every listed file; throws naming the first that is missing or differs. Returns how many were checked. */
    static int verify(Path folder) throws IOException {
        Path sums = folder.resolve(BackupManifest.CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            throw new IOException(folder + " is not a Glimpse backup: it has no " + BackupManifest.CHECKSUMS);
        }
        int checked = 0;
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String expected = line.substring(0, 64);
            Path file = folder.resolve(line.substring(66)).normalize();
            if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
                throw new IOException("The backup lacks " + line.substring(66));
            }
            if (!sha256(file).equals(expected)) {
                throw new IOException("The backup's " + line.substring(66) + " is damaged (its SHA-256 differs)");
            }
            checked++;
        }
        return checked;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
