package dev.glimpse.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What a running Glimpse holds, read from outside: rows (JDBC), blob files and committed index documents. */
record StoredState(
        Map<String, Row> rows, Map<String, Instant> blobs, List<Path> temporaryFiles, Map<String, Integer> indexed) {

    record Row(String id, String status, String storageKey, String thumbnailKey) {}

    static StoredState read(GlimpseProcess app) throws Exception {
        return new StoredState(rows(app), blobs(app.blobs()), temporaryFiles(app.blobs()), indexed(app.index()));
    }

    long count(String status) {
        return rows.values().stream().filter(row -> row.status().equals(status)).count();
    }

    /** Every broken promise, in words; empty when the stores agree. */
    List<String> problems(Instant orphansAllowedAfter) {
        List<String> problems = new ArrayList<>();
        Map<String, String> referenced = new HashMap<>();
        for (Row row : rows.values()) {
            referenced.put(row.storageKey(), row.id());
            referenced.put(row.thumbnailKey(), row.id());
            if (row.status().equals("READY")) {
                if (!blobs.containsKey(row.storageKey()) || !blobs.containsKey(row.thumbnailKey())) {
                    problems.add("READY row " + row.id() + " lacks a blob");
                }
                int documents = indexed.getOrDefault(row.id(), 0);
                if (documents != 1) {
                    problems.add("READY row " + row.id() + " has " + documents + " index documents");
                }
            }
        }
        indexed.forEach((id, documents) -> {
            Row row = rows.get(id);
            if (row == null || !row.status().equals("READY")) {
                problems.add("index document " + id + " without a READY row (" + (row == null ? "no row" : row.status())
                        + ")");
            }
        });
        blobs.forEach((key, created) -> {
            if (!referenced.containsKey(key) && created.isBefore(orphansAllowedAfter)) {
                problems.add("orphan blob " + key + " from " + created + " outlived the grace period");
            }
        });
        return problems;
    }

    private static Map<String, Row> rows(GlimpseProcess app) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = app.database();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, status, storage_key, thumbnail_key from image")) {
            while (result.next()) {
                Row row = new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4));
                rows.put(row.id(), row);
            }
        }
        return rows;
    }

    private static Map<String, Instant> blobs(Path root) throws IOException {
        Map<String, Instant> blobs = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return blobs;
        }
        try (Stream<Path> files = Files.find(root, 2, (path, attributes) -> attributes.isRegularFile())) {
            for (Path file : files.toList()) {
                String key = root.relativize(file).toString();
                if (key.matches("[0-9a-f]{2}/[0-9a-f-]{36}")) {
                    blobs.put(
                            key,
                            Files.readAttributes(file, BasicFileAttributes.class)
                                    .creationTime()
                                    .toInstant());
                }
            }
        }
        return blobs;
    }

    private static List<Path> temporaryFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(root, 2, (path, attributes) -> attributes.isRegularFile())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }

    /** Live documents per image id in the index's last commit. */
    static Map<String, Integer> indexed(Path index) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (FSDirectory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            Bits live = MultiBits.getLiveDocs(reader);
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document document = stored.document(doc);
                    counts.merge(document.get("id"), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
