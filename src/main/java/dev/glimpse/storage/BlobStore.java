package dev.glimpse.storage;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Stores immutable blobs under keys it generates. Implementations are thread-safe. */
public interface BlobStore {

    /** Stores the bytes and returns the generated key. The blob is complete when this returns. */
    String put(byte[] bytes, String contentType);

    /**
     * Stores the bytes under a key this store generated before (restoring a backup); replaces a blob with that key.
     */
    void putAt(String key, byte[] bytes, String contentType);

    /** The blob's bytes, or empty when no blob has this key. */
    Optional<byte[]> get(String key);

    /** Deletes the blob; deleting a missing key is not an error. */
    void delete(String key);

    boolean exists(String key);

    /** Every stored blob, for sweeping blobs that no row refers to. The caller closes the stream. */
    Stream<StoredBlob> list();

    /** Checks that the store can be reached, throwing {@link StorageUnavailableException} if not. */
    void checkAvailable();

    /** A stored blob's key and creation time. */
    record StoredBlob(String key, Instant created) {}
}
