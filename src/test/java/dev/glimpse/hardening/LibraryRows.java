package dev.glimpse.hardening;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The image rows of a working folder's embedded database, read from outside Glimpse while no Glimpse process runs on
 * it: through the PostgreSQL server a killed process left running (its port is in {@code postmaster.pid}), or through
 * a server this class starts on the folder for the moment. Also checks the rows against the blobs they name.
 */
final class LibraryRows {

    /** What the rows say: how many, how many distinct contents, and the problems found against the blobs. */
    record Census(long rows, long distinctHashes, long distinctSources, List<String> problems) {}

    private LibraryRows() {}

    /** The rows of the library in {@code data} (none when its database was never created). */
    static Census census(Path data) throws Exception {
        Path postgres = data.resolve("postgres");
        Optional<Integer> orphanPort = orphanPort(postgres);
        if (orphanPort.isPresent()) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + orphanPort.get() + "/postgres", "postgres", "")) {
                return census(connection, data.resolve("blobs"));
            }
        }
        if (!Files.isRegularFile(postgres.resolve("PG_VERSION"))) {
            return new Census(0, 0, 0, List.of());
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(postgres)
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = server.getPostgresDatabase().getConnection()) {
            return census(connection, data.resolve("blobs"));
        }
    }

    /** The rows of the database behind {@code connection}, checked against the blobs under {@code blobs}. */
    static Census census(Connection connection, Path blobs) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            if (!tableExists(statement)) {
                return new Census(0, 0, 0, List.of());
            }
            long rows;
            long hashes;
            long sources;
            try (ResultSet counts = statement.executeQuery(
                    "SELECT count(*), count(DISTINCT sha256), count(DISTINCT source_path) FROM image")) {
                counts.next();
                rows = counts.getLong(1);
                hashes = counts.getLong(2);
                sources = counts.getLong(3);
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet images = statement.executeQuery("SELECT sha256, storage_key, thumbnail_key FROM image")) {
                while (images.next()) {
                    problems.addAll(check(blobs, images.getString(1), images.getString(2), images.getString(3)));
                }
            }
            return new Census(rows, hashes, sources, problems);
        }
    }

    /** A row's original must exist with the bytes its hash names, and its thumbnail must exist. */
    private static List<String> check(Path blobs, String sha256, String storageKey, String thumbnailKey)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Path original = blobs.resolve(storageKey);
        if (!Files.isRegularFile(original)) {
            problems.add("image " + sha256 + ": original " + storageKey + " missing");
        } else if (!sha256(Files.readAllBytes(original)).equals(sha256)) {
            problems.add("image " + sha256 + ": original " + storageKey + " holds other bytes");
        }
        if (thumbnailKey != null && !Files.isRegularFile(blobs.resolve(thumbnailKey))) {
            problems.add("image " + sha256 + ": thumbnail " + thumbnailKey + " missing");
        }
        return problems;
    }

    private static boolean tableExists(Statement statement) throws SQLException {
        try (ResultSet table = statement.executeQuery("SELECT to_regclass('public.image') IS NOT NULL")) {
            table.next();
            return table.getBoolean(1);
        }
    }

    /** The port of a PostgreSQL server still running on the folder (left by a killed process), if any. */
    private static Optional<Integer> orphanPort(Path postgres) throws IOException {
        Path pidFile = postgres.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1);
        if (lines.size() < 4 || lines.get(0).isBlank() || lines.get(3).isBlank()) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .isPresent();
        return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
