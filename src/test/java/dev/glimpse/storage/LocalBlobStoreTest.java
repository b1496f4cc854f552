package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storedBytesComeBackUnderAGeneratedKey() {
        BlobStore store = new LocalBlobStore(root);
        String key = store.put(new byte[] {1, 2, 3}, "image/png");

        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f-]{36}");
        assertThat(store.get(key)).hasValue(new byte[] {1, 2, 3});
        assertThat(store.exists(key)).isTrue();
    }

    @Test
    void deletedBlobIsGoneAndDeletingAgainIsHarmless() {
        BlobStore store = new LocalBlobStore(root);
        String key = store.put(new byte[] {9}, "image/png");

        store.delete(key);
        store.delete(key);

        assertThat(store.get(key)).isEmpty();
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void listsEveryBlobAndIgnoresForeignFiles() throws Exception {
        BlobStore store = new LocalBlobStore(root);
        String first = store.put(new byte[] {1}, "image/png");
        String second = store.put(new byte[] {2}, "image/png");
        Files.writeString(root.resolve("notes.txt"), "not a blob");

        try (var blobs = store.list()) {
            List<String> keys = blobs.map(BlobStore.StoredBlob::key).toList();
            assertThat(keys).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void keysThatCouldEscapeTheFolderAreRejected() {
        BlobStore store = new LocalBlobStore(root);

        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unwritableFolderIsReportedAsUnavailable() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        BlobStore store = new LocalBlobStore(file.resolve("blobs"));

        assertThatThrownBy(() -> store.put(new byte[] {1}, "image/png"))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(store::checkAvailable).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void blobThatWouldLeaveLessThanTheMinimumFreeSpaceIsRefusedAsFull() throws Exception {
        long free = Files.getFileStore(root).getUsableSpace();
        BlobStore store = new LocalBlobStore(root, free + (1L << 40));

        assertThatThrownBy(() -> store.put(new byte[] {1}, "image/png"))
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("is full")
                .hasMessageContaining("min-free-space");
        assertThatThrownBy(store::checkAvailable).isInstanceOf(StorageFullException.class);
        try (var blobs = Files.walk(root)) {
            assertThat(blobs.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void storeWithRoomAboveTheMinimumTakesBlobs() {
        BlobStore store = new LocalBlobStore(root, 1024 * 1024);

        store.checkAvailable();
        assertThat(store.get(store.put(new byte[] {7}, "image/png"))).hasValue(new byte[] {7});
    }

    @Test
    void writeRefusedByTheDiskForWantOfSpaceCountsAsFull() {
        // /dev/full answers every write with ENOSPC, the error of a full disk
        IOException noSpace = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> Files.write(Path.of("/dev/full"), new byte[] {1, 2, 3}));
        System.out.println("Writing to /dev/full: " + noSpace);

        assertThat(LocalBlobStore.isOutOfSpace(noSpace, 3, Long.MAX_VALUE)).isTrue();
        assertThat(LocalBlobStore.isOutOfSpace(new IOException("Permission denied"), 3, Long.MAX_VALUE))
                .isFalse();
        assertThat(LocalBlobStore.isOutOfSpace(new IOException("Input/output error"), 4096, 100))
                .as("less room left than the blob needed")
                .isTrue();
    }
}
