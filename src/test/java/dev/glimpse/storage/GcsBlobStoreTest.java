package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the GCS store against Google's official in-memory fake of the Storage service. */
class GcsBlobStoreTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();

    @Test
    void storesObjectsUnderThePrefixWithTheirContentType() {
        BlobStore store = new GcsBlobStore(storage, "photos", "glimpse/");
        String key = store.put(new byte[] {4, 5, 6}, "image/jpeg");

        assertThat(store.get(key)).hasValue(new byte[] {4, 5, 6});
        var object = storage.get(BlobId.of("photos", "glimpse/" + key));
        assertThat(object).isNotNull();
        assertThat(object.getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void deleteRemovesTheObject() {
        BlobStore store = new GcsBlobStore(storage, "photos", "");
        String key = store.put(new byte[] {1}, "image/png");

        store.delete(key);

        assertThat(store.exists(key)).isFalse();
        assertThat(store.get(key)).isEmpty();
    }

    @Test
    void listsOnlyBlobsUnderItsOwnPrefix() {
        BlobStore mine = new GcsBlobStore(storage, "shared", "mine");
        BlobStore theirs = new GcsBlobStore(storage, "shared", "theirs");
        String key = mine.put(new byte[] {1}, "image/png");
        theirs.put(new byte[] {2}, "image/png");

        try (var blobs = mine.list()) {
            List<String> keys = blobs.map(BlobStore.StoredBlob::key).toList();
            assertThat(keys).containsExactly(key);
        }
    }
}
