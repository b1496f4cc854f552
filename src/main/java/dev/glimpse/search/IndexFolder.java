package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the writer of {@link ImageIndex}'s folder: the existing index, or, where it cannot be opened (deleted files,
 * corruption), a new empty one in its place, without a position, so the follower rebuilds it from the database.
 */
final class IndexFolder {

    /** Logged as the index's own event, under the logger name it always had. */
    private static final Logger log = LoggerFactory.getLogger(ImageIndex.class);

    private IndexFolder() {}

    /** The writer of the index in {@code directory}, with an English analyzer for captions. */
    static IndexWriter openWriter(Path directory) {
        try {
            return newWriter(directory);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "The index at {} cannot be opened ({}); starting a new one, the follower rebuilds it",
                    directory,
                    e.toString());
            deleteFolder(directory);
            try {
                return newWriter(directory);
            } catch (IOException retry) {
                throw new UncheckedIOException("Cannot create an index at " + directory, retry);
            }
        }
    }

    private static IndexWriter newWriter(Path directory) throws IOException {
        Files.createDirectories(directory);
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter writer = new IndexWriter(FSDirectory.open(directory), config);
        writer.commit();
        return writer;
    }

    private static void deleteFolder(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the damaged index at " + directory, e);
        }
    }
}
