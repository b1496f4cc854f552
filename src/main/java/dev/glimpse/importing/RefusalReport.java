package dev.glimpse.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report of an import's refused files: one line per file, its path, a tab and the reason, written (and flushed)
 * as each refusal happens, so a run that is killed leaves the refusals it met. Each run starts the file afresh.
 */
final class RefusalReport implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;

    RefusalReport(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        if (this.file.getParent() != null) {
            Files.createDirectories(this.file.getParent());
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    Path file() {
        return file;
    }

    synchronized void refused(Path refused, String reason) {
        try {
            writer.write(oneLine(refused.toString()) + "\t" + oneLine(reason) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import report " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
