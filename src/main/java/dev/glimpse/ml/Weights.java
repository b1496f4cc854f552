package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A model's tensors as NDArrays on the model's manager, looked up by checkpoint name. Floating-point tensors
 * (F32, F16, BF16) become float32, I64 tensors int64. {@link #at(String)} gives a view with a name prefix so
 * that blocks can be built from the same names transformers uses ({@code w.at("encoder.layer.0.")}).
 */
public final class Weights {

    private final Map<String, NDArray> arrays;
    private final Map<String, String> unreadable;
    private final NDManager manager;
    private final String prefix;

    private Weights(Map<String, NDArray> arrays, Map<String, String> unreadable, NDManager manager, String prefix) {
        this.arrays = arrays;
        this.unreadable = unreadable;
        this.manager = manager;
        this.prefix = prefix;
    }

    /**
     * Copies every tensor of the checkpoint into {@code manager}; the checkpoint may be closed afterwards. A tensor
     * of a dtype this runtime does not read is skipped, and asking for it later says why.
     */
    public static Weights load(Checkpoint checkpoint, NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (String name : checkpoint.names()) {
            RawTensor tensor;
            try {
                tensor = checkpoint.tensor(name);
            } catch (IllegalArgumentException e) {
                unreadable.put(name, e.getMessage());
                continue;
            }
            arrays.put(name, toArray(tensor, manager));
        }
        return new Weights(Collections.unmodifiableMap(arrays), Collections.unmodifiableMap(unreadable), manager, "");
    }

    /** Wraps NDArrays that already exist (for tests and for weights built in code). */
    public static Weights of(Map<String, NDArray> arrays, NDManager manager) {
        return new Weights(Map.copyOf(arrays), Map.of(), manager, "");
    }

    /**
     * Float tensors are written straight into the direct buffer the engine keeps as the tensor's storage (one
     * native copy, none on the Java heap: loading BLIP-base would otherwise push ~0.9 GB of float[] through the
     * heap, which the JVM then keeps committed).
     */
    private static NDArray toArray(RawTensor tensor, NDManager manager) {
        Shape shape = new Shape(tensor.shape());
        NDArray array;
        if (tensor.type() == TensorType.I64) {
            array = manager.create(tensor.toLongs(), shape);
        } else {
            ByteBuffer storage = manager.allocateDirect(Math.multiplyExact(Math.toIntExact(shape.size()), Float.BYTES));
            tensor.copyFloatsTo(storage);
            array = manager.create(storage, shape, DataType.FLOAT32);
        }
        array.setName(tensor.name());
        return array;
    }

    /**
     * Hands back the storage of the checkpoint tensors a model replaced while it was built (query, key and value
     * stacked by {@link Linear#stack}, about 235 MB for BLIP-, Whisper- and MiniLM-base). Each lived in a direct
     * buffer, which the JVM frees only once it collects the buffer; with a small heap that may be never. A model
     * load is rare and the heap small, so one collection right after it is cheap.
     */
    public static void reclaimReplaced() {
        System.gc();
    }

    /** A view whose names are relative to {@code prefix} appended to this view's prefix. */
    public Weights at(String prefix) {
        return new Weights(arrays, unreadable, manager, this.prefix + prefix);
    }

    /**
     * The tensor {@code name} relative to this view's prefix.
     *
     * @throws IllegalArgumentException naming the full tensor name when it is absent
     */
    public NDArray get(String name) {
        String full = prefix + name;
        NDArray array = arrays.get(full);
        if (array != null) {
            return array;
        }
        if (unreadable.containsKey(full)) {
            throw new IllegalArgumentException("Tensor '" + full + "' cannot be used: " + unreadable.get(full));
        }
        throw new IllegalArgumentException(
                "Tensor '" + full + "' not found in checkpoint (" + arrays.size() + " tensors" + nearbyNames() + ")");
    }

    private String nearbyNames() {
        Set<String> siblings = names();
        if (siblings.isEmpty()) {
            return "; none start with '" + prefix + "'";
        }
        return "; under '" + prefix + "': "
                + siblings.stream().limit(12).collect(Collectors.joining(", "))
                + (siblings.size() > 12 ? ", …" : "");
    }

    /**
     * The tensor {@code name}, or, when the checkpoint does not store it, the tensor {@code tiedTo} it is tied to
     * (an LM head sharing the word embeddings); both relative to this view's prefix.
     *
     * @throws IllegalArgumentException naming both full names when neither is present
     */
    public NDArray getOrTied(String name, String tiedTo) {
        NDArray array = arrays.get(prefix + name);
        if (array != null) {
            return array;
        }
        if (!arrays.containsKey(prefix + tiedTo)) {
            throw new IllegalArgumentException("Neither tensor '" + prefix + name + "' nor the tensor it is tied to, '"
                    + prefix + tiedTo + "', is in the checkpoint");
        }
        return arrays.get(prefix + tiedTo);
    }

    /** The tensor {@code name} relative to this view's prefix, if present. */
    public Optional<NDArray> find(String name) {
        return Optional.ofNullable(arrays.get(prefix + name));
    }

    /** Whether the tensor {@code name} relative to this view's prefix is present. */
    public boolean has(String name) {
        return arrays.containsKey(prefix + name);
    }

    /** Names under this view's prefix, relative to it, sorted. */
    public Set<String> names() {
        return arrays.keySet().stream()
                .filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** This view's prefix ("" for the root). */
    public String prefix() {
        return prefix;
    }

    /** The manager that owns the weights; blocks derive load-time arrays (transposes) on it. */
    public NDManager manager() {
        return manager;
    }
}
