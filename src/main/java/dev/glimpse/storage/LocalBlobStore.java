package dev.glimpse.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under one folder; a blob is written to a temporary file and renamed into place atomically. The store
 * keeps {@code minFreeSpace} free on its disk: a blob that would eat into it is refused as full
 * ({@link StorageFullException}), as is a write the disk itself refuses for want of space.
 */
final class LocalBlobStore implements BlobStore {

    private final Path root;
    private final long minFreeSpace;

    LocalBlobStore(Path root) {
        this(root, 0);
    }

    LocalBlobStore(Path root, long minFreeSpace) {
        this.root = root.toAbsolutePath().normalize();
        this.minFreeSpace = minFreeSpace;
    }

    @Override
    public String put(byte[] bytes, String contentType) {
        String key = BlobKeys.newKey();
        putAt(key, bytes, contentType);
        return key;
    }

    @Override
    public void putAt(String key, byte[] bytes, String contentType) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            checkRoom(bytes.length);
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                Files.write(temp, bytes);
                moveIntoPlace(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            if (isOutOfSpace(e, bytes.length)) {
                throw new StorageFullException("Local storage at " + root + " is full", e);
            }
            throw new StorageUnavailableException("Could not write to local storage at " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageUnavailableException("Could not read blob " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageUnavailableException("Could not delete blob " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public Stream<StoredBlob> list() {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try {
            return Files.find(root, 2, (path, attributes) -> attributes.isRegularFile() && isBlob(path))
                    .map(this::describe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void checkAvailable() {
        try {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) {
                throw new IOException("not writable");
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("Local storage folder " + root + " is not usable", e);
        }
        checkRoom(0);
    }

    /** Refuses as full when writing {@code bytes} more would leave less than the minimum free space. */
    private void checkRoom(long bytes) {
        long free = usableSpace();
        if (free - bytes < minFreeSpace) {
            throw new StorageFullException(String.format(
                    Locale.ROOT,
                    "Local storage at %s is full: %s free, glimpse.storage.local.min-free-space is %s",
                    root,
                    megabytes(free),
                    megabytes(minFreeSpace)));
        }
    }

    /** Free space for this process on the store's disk; {@link Long#MAX_VALUE} when it cannot be read. */
    private long usableSpace() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // the write itself will say what is wrong
        }
    }

    /** Whether a failed write failed for want of space (ENOSPC, EDQUOT), by its message or by the disk's free space. */
    static boolean isOutOfSpace(IOException e, long bytes, long usableSpace) {
        String reason = e instanceof FileSystemException failed && failed.getReason() != null
                ? failed.getReason()
                : String.valueOf(e.getMessage());
        return reason.contains("No space left on device")
                || reason.contains("Disk quota exceeded")
                || usableSpace < bytes;
    }

    private boolean isOutOfSpace(IOException e, long bytes) {
        return isOutOfSpace(e, bytes, usableSpace());
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    private boolean isBlob(Path path) {
        String key = root.relativize(path).toString();
        try {
            BlobKeys.requireValid(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private StoredBlob describe(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new StoredBlob(
                    root.relativize(path).toString(), attributes.creationTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pathOf(String key) {
        return root.resolve(BlobKeys.requireValid(key));
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
