package dev.glimpse.backup;

import dev.glimpse.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a library from a backup whose checksums were verified: the blobs first (under their own keys), then every
 * table in one transaction (so a restore that is interrupted leaves no rows, and can be run again), with the tables'
 * sequences moved past the restored rows. The schema is the one this version's migrations made; a backup made by a
 * newer version (with migrations this one lacks) is refused. A library that holds images is refused unless
 * {@code force}, which replaces its rows.
 */
final class LibraryRestore {

    private final DataSource dataSource;
    private final BlobStore blobs;
    private final PrintStream out;

    LibraryRestore(DataSource dataSource, BlobStore blobs, PrintStream out) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.out = out;
    }

    void restore(Path backup, BackupManifest manifest, boolean force) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            checkCompatible(connection, manifest);
            long images = count(connection, "SELECT count(*) FROM image");
            if (images > 0 && !force) {
                throw new IllegalStateException("The library already holds " + images + " images; restore into an"
                        + " empty working folder (or database), or add --force to replace them");
            }
            long restoredBlobs = restoreBlobs(backup.resolve("blobs"));
            out.println("restored " + restoredBlobs + " blobs");
            connection.setAutoCommit(false);
            try {
                restoreTables(connection, backup, manifest);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void checkCompatible(Connection connection, BackupManifest manifest) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM databasechangelog");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        List<String> unknown =
                manifest.changeSets().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The backup was made by a newer Glimpse (" + manifest.glimpseVersion()
                    + ") whose database changes this version lacks: " + unknown + "; restore it with that version");
        }
    }

    private long restoreBlobs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = folder.relativize(file).toString().replace('\\', '/');
                blobs.putAt(key, Files.readAllBytes(file), "application/octet-stream");
                count++;
            }
        }
        return count;
    }

    private void restoreTables(Connection connection, Path backup, BackupManifest manifest)
            throws SQLException, IOException {
        List<BackupManifest.Table> tables = manifest.tables().stream()
                .filter(table -> !table.name().equals("databasechangelog"))
                .toList();
        String names = tables.stream()
                .map(table -> DatabaseSnapshot.quote(table.name()))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + names + " CASCADE");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table table : tables) {
            List<String> present = DatabaseSnapshot.columnsOf(connection, table.name());
            List<String> missing = new ArrayList<>(table.columns());
            missing.removeAll(present);
            if (present.isEmpty() || !missing.isEmpty()) {
                throw new IllegalStateException("This version's table " + table.name() + " lacks the backup's columns "
                        + (present.isEmpty() ? table.columns() : missing));
            }
            String columns =
                    table.columns().stream().map(DatabaseSnapshot::quote).collect(Collectors.joining(", "));
            try (InputStream input = Files.newInputStream(backup.resolve(table.file()))) {
                long rows = copy.copyIn(
                        "COPY " + DatabaseSnapshot.quote(table.name()) + " (" + columns + ") FROM STDIN", input);
                out.println("restored " + rows + " rows of " + table.name());
            }
            resetSequences(connection, table.name(), present);
        }
    }

    private static void resetSequences(Connection connection, String table, List<String> columns) throws SQLException {
        for (String column : columns) {
            String sequence;
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                statement.setString(1, DatabaseSnapshot.quote(table));
                statement.setString(2, column);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    sequence = rows.getString(1);
                }
            }
            if (sequence != null) {
                String quoted = DatabaseSnapshot.quote(column);
                try (PreparedStatement statement = connection.prepareStatement("SELECT setval(?, coalesce((SELECT max("
                        + quoted + ") FROM " + DatabaseSnapshot.quote(table) + "), 0) + 1, false)")) {
                    statement.setString(1, sequence);
                    statement.executeQuery().close();
                }
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
