package dev.glimpse.base;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Which process may run the embedded PostgreSQL on a data folder: the one holding an exclusive lock on the file
 * {@code <folder>.owner} beside it (it writes its process id there). The operating system releases the lock when its
 * holder exits, however it exits ({@code kill -9} included), so a lock is never stale; a process that finds it held
 * knows that a live process owns the database and must neither start a second server on the folder nor stop the
 * running one as an orphan.
 */
final class DataFolderOwner implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderOwner(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a data folder. */
    static Path lockFile(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".owner");
    }

    /** Takes ownership if no other process holds it; empty when another one does. */
    static Optional<DataFolderOwner> tryAcquire(Path dataDirectory) throws IOException {
        Path file = lockFile(dataDirectory);
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process (another application context on the same folder)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return Optional.of(new DataFolderOwner(channel, lock));
    }

    /**
     * Takes ownership, waiting for the current owner to exit (checked every second); {@code waiting} is told the
     * owner's process id when the wait begins and every 30 seconds after.
     */
    static DataFolderOwner acquire(Path dataDirectory, java.util.function.Consumer<Optional<Long>> waiting)
            throws IOException, InterruptedException {
        long tries = 0;
        while (true) {
            Optional<DataFolderOwner> owner = tryAcquire(dataDirectory);
            if (owner.isPresent()) {
                return owner.get();
            }
            if (tries++ % 30 == 0) {
                waiting.accept(ownerPid(dataDirectory));
            }
            Thread.sleep(1000);
        }
    }

    /** The process id the current owner wrote, if it can be read. */
    static Optional<Long> ownerPid(Path dataDirectory) {
        try {
            String text = Files.readString(lockFile(dataDirectory), StandardCharsets.US_ASCII)
                    .strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
