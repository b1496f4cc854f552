package dev.glimpse.storage;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Blobs as objects in one Google Cloud Storage bucket, under an optional prefix. */
final class GcsBlobStore implements BlobStore {

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    GcsBlobStore(Storage storage, String bucket, @Nullable String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
    }

    @Override
    public String put(byte[] bytes, String contentType) {
        String key = BlobKeys.newKey();
        putAt(key, bytes, contentType);
        return key;
    }

    @Override
    public void putAt(String key, byte[] bytes, String contentType) {
        BlobKeys.requireValid(key);
        BlobInfo info =
                BlobInfo.newBuilder(idOf(key)).setContentType(contentType).build();
        try {
            storage.create(info, bytes);
        } catch (StorageException e) {
            throw new StorageUnavailableException("Could not write to bucket " + bucket, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            Blob blob = storage.get(idOf(key));
            return blob == null ? Optional.empty() : Optional.of(blob.getContent());
        } catch (StorageException e) {
            throw new StorageUnavailableException("Could not read blob " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            storage.delete(idOf(key));
        } catch (StorageException e) {
            throw new StorageUnavailableException("Could not delete blob " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            return storage.get(idOf(key)) != null;
        } catch (StorageException e) {
            throw new StorageUnavailableException("Could not reach bucket " + bucket, e);
        }
    }

    @Override
    public Stream<StoredBlob> list() {
        Iterable<Blob> blobs =
                storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll();
        return StreamSupport.stream(blobs.spliterator(), false)
                .map(blob -> new StoredBlob(blob.getName().substring(prefix.length()), created(blob)))
                .filter(blob -> isKey(blob.key()));
    }

    @Override
    public void checkAvailable() {
        try {
            storage.list(bucket, Storage.BlobListOption.pageSize(1), Storage.BlobListOption.prefix(prefix));
        } catch (StorageException e) {
            throw new StorageUnavailableException("Bucket " + bucket + " cannot be reached", e);
        }
    }

    private BlobId idOf(String key) {
        return BlobId.of(bucket, prefix + BlobKeys.requireValid(key));
    }

    private static Instant created(Blob blob) {
        return blob.getCreateTimeOffsetDateTime() == null
                ? Instant.EPOCH
                : blob.getCreateTimeOffsetDateTime().toInstant();
    }

    private static boolean isKey(String key) {
        try {
            BlobKeys.requireValid(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
