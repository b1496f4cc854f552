package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
