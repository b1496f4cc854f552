package dev.glimpse.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Reads one consistent snapshot of the database: every statement runs in one {@code REPEATABLE READ READ ONLY}
 * transaction, so all tables, the image rows whose blobs are copied and the change log position are as of one moment
 * while the server goes on writing. Tables are written in PostgreSQL's {@code COPY} text format.
 */
final class DatabaseSnapshot implements AutoCloseable {

    /** Liquibase's lock and the rate limiter's buckets are state of the running servers, not of the library. */
    static final List<String> NOT_BACKED_UP = List.of("databasechangeloglock", "rate_limit_bucket");

    private final Connection connection;

    DatabaseSnapshot(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    /** The blobs the image rows refer to (the first query fixes the snapshot). */
    List<ImageBlobs> images() throws SQLException {
        List<ImageBlobs> images = new ArrayList<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT id, storage_key, thumbnail_key, mime_type FROM image");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                images.add(new ImageBlobs(
                        rows.getString("id"),
                        rows.getString("storage_key"),
                        rows.getString("thumbnail_key"),
                        rows.getString("mime_type")));
            }
        }
        return images;
    }

    long changeLogPosition() throws SQLException {
        return single("SELECT coalesce(max(seq), 0) FROM image_change");
    }

    List<String> changeSets() throws SQLException {
        return strings("SELECT id FROM databasechangelog ORDER BY orderexecuted", List.of());
    }

    List<String> tables() throws SQLException {
        List<String> tables = strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name",
                List.of());
        tables.removeAll(NOT_BACKED_UP);
        return tables;
    }

    List<String> columns(String table) throws SQLException {
        return columnsOf(connection, table);
    }

    static List<String> columnsOf(Connection connection, String table) throws SQLException {
        return strings(
                connection,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? ORDER BY ordinal_position",
                List.of(table));
    }

    /** Writes the table's rows (except the images left out) to the file; returns how many. */
    long copy(String table, List<String> columns, Collection<String> leftOutImages, Path file)
            throws SQLException, IOException {
        String where = table.equals("image") && !leftOutImages.isEmpty()
                ? " WHERE id NOT IN (" + quotedUuids(leftOutImages) + ")"
                : "";
        String sql =
                "COPY (SELECT " + columns.stream().map(DatabaseSnapshot::quote).collect(Collectors.joining(", "))
                        + " FROM " + quote(table) + where + ") TO STDOUT";
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (OutputStream out = Files.newOutputStream(file)) {
            return copy.copyOut(sql, out);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quotedUuids(Collection<String> ids) {
        return ids.stream()
                .map(id -> "'" + java.util.UUID.fromString(id) + "'::uuid")
                .collect(Collectors.joining(", "));
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> strings(String sql, List<String> parameters) throws SQLException {
        return strings(connection, sql, parameters);
    }

    private static List<String> strings(Connection connection, String sql, List<String> parameters)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** One image row's blobs. */
    record ImageBlobs(String id, String storageKey, String thumbnailKey, String mimeType) {}
}
