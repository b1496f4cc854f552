package dev.glimpse.ml.torch;

import static dev.glimpse.ml.torch.StateDictUnpickler.refuse;

import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.RawTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code torch.save} zip checkpoint ({@code pytorch_model.bin}, PyTorch 1.6 and later) read as a {@link Checkpoint}.
 * {@code <archive>/data.pkl} goes through {@link StateDictUnpickler}; a storage is read from
 * {@code <archive>/data/<key>} when a tensor needs it, and kept while the checkpoint is open only when several
 * tensors view it (tied weights), so that they share its bytes and the heap never holds the whole file.
 */
public final class TorchCheckpoint implements Checkpoint {

    static final long MAX_PICKLE_BYTES = 256L << 20;

    private final Path file;
    private final TorchArchive archive;
    private final Map<String, TensorRef> tensors;
    private final Map<String, ByteBuffer> storages = new HashMap<>();
    private final Set<String> shared;

    private TorchCheckpoint(Path file, TorchArchive archive, Map<String, TensorRef> tensors) {
        this.file = file;
        this.archive = archive;
        this.tensors = tensors;
        this.shared = tensors.values().stream()
                .collect(Collectors.groupingBy(ref -> ref.storage().key(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Opens and checks a checkpoint: the pickle is run and every tensor's storage, offset and size validated
     * against the archive before this returns.
     *
     * @throws UnsafeCheckpointException when the pickle uses anything a state dict does not need, or sizes do not fit
     */
    public static TorchCheckpoint open(Path file) {
        TorchArchive archive = TorchArchive.open(file);
        try {
            byte[] pickle = archive.pickle(MAX_PICKLE_BYTES);
            Object root = new StateDictUnpickler(pickle, archive::storage).load();
            return new TorchCheckpoint(file, archive, stateDict(root));
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private static Map<String, TensorRef> stateDict(Object root) {
        if (!(root instanceof StateDictUnpickler.Dict dict)) {
            throw refuse("the pickle holds " + StateDictUnpickler.describe(root) + ", not a state dict");
        }
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        for (var entry : dict.entries().entrySet()) {
            if (!(entry.getKey() instanceof String name) || !(entry.getValue() instanceof TensorRef tensor)) {
                throw refuse("the state dict maps " + StateDictUnpickler.describe(entry.getKey()) + " to "
                        + StateDictUnpickler.describe(entry.getValue()) + "; expected tensor names and tensors");
            }
            tensors.put(name, tensor);
        }
        return Collections.unmodifiableMap(tensors);
    }

    @Override
    public Set<String> names() {
        return tensors.keySet();
    }

    @Override
    public RawTensor tensor(String name) {
        TensorRef ref = tensors.get(name);
        if (ref == null) {
            throw new IllegalArgumentException("Tensor '" + name + "' is not in " + file);
        }
        int elementBytes = ref.storage().type().bytes();
        ByteBuffer storage = storage(ref.storage());
        long elements = 1;
        for (long dim : ref.shape()) {
            elements *= dim;
        }
        int start = Math.toIntExact(ref.offset() * elementBytes);
        int length = Math.toIntExact(elements * elementBytes);
        ByteBuffer data = storage.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
        return new RawTensor(name, ref.storage().type(), ref.shape(), data);
    }

    /** A storage's bytes; only storages that several tensors view are kept, so that they share one copy. */
    private synchronized ByteBuffer storage(TensorRef.StorageRef ref) {
        if (!shared.contains(ref.key())) {
            return archive.readStorage(ref);
        }
        return storages.computeIfAbsent(ref.key(), key -> archive.readStorage(ref));
    }

    @Override
    public synchronized void close() {
        storages.clear();
        archive.close();
    }
}
