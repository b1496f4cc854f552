package dev.glimpse.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload streamed to a temporary file, never whole on the heap while it arrives: at most {@code limit + 1} bytes
 * are read, so a file over the limit is known as such without reading the rest. The file is deleted on close.
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;
    private final long size;

    private UploadSpool(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static UploadSpool of(InputStream input, long limit) {
        Path file = null;
        try (input) {
            file = Files.createTempFile("glimpse-upload-", ".part");
            long copied;
            try (OutputStream out = Files.newOutputStream(file)) {
                copied = copy(input, out, limit + 1);
            }
            return new UploadSpool(file, copied);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    private static long copy(InputStream input, OutputStream out, long most) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < most) {
            int read = input.read(buffer, 0, (int) Math.min(buffer.length, most - copied));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    long size() {
        return size;
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
