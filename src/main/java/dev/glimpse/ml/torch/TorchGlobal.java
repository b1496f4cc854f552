package dev.glimpse.ml.torch;

import static dev.glimpse.ml.torch.StateDictUnpickler.describe;
import static dev.glimpse.ml.torch.StateDictUnpickler.refuse;

import dev.glimpse.ml.TensorType;
import java.util.LinkedHashMap;
import java.util.List;

/** The only Python globals a checkpoint may name; everything else is refused. */
enum TorchGlobal {
    ORDERED_DICT("collections", "OrderedDict", null),
    REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2", null),
    REBUILD_PARAMETER("torch._utils", "_rebuild_parameter", null),
    FLOAT_STORAGE("torch", "FloatStorage", TensorType.F32),
    HALF_STORAGE("torch", "HalfStorage", TensorType.F16),
    BFLOAT16_STORAGE("torch", "BFloat16Storage", TensorType.BF16),
    LONG_STORAGE("torch", "LongStorage", TensorType.I64);

    private final String module;
    private final String name;
    private final TensorType storageType;

    TorchGlobal(String module, String name, TensorType storageType) {
        this.module = module;
        this.name = name;
        this.storageType = storageType;
    }

    static TorchGlobal named(String module, String name) {
        for (TorchGlobal global : values()) {
            if (global.module.equals(module) && global.name.equals(name)) {
                return global;
            }
        }
        throw refuse("the pickle asks for the global " + module + "." + name
                + ", which a state dict does not need (allowed: collections.OrderedDict,"
                + " torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and the torch Float, Half,"
                + " BFloat16 and Long storages)");
    }

    String qualifiedName() {
        return module + "." + name;
    }

    /** The element type when this global is a storage class, else null. */
    TensorType storageType() {
        return storageType;
    }

    Object call(List<Object> args) {
        return switch (this) {
            case ORDERED_DICT -> {
                expectArgs(args, 0, 0);
                yield new StateDictUnpickler.Dict(new LinkedHashMap<>(), 1);
            }
            case REBUILD_TENSOR_V2 -> rebuildTensor(args);
            case REBUILD_PARAMETER -> {
                expectArgs(args, 3, 3);
                yield arg(args, 0, TensorRef.class);
            }
            default -> throw refuse("a call of " + qualifiedName() + ", which is only accepted as a storage type");
        };
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TensorRef rebuildTensor(List<Object> args) {
        expectArgs(args, 6, 7);
        TensorRef.StorageRef storage = arg(args, 0, TensorRef.StorageRef.class);
        long offset = arg(args, 1, Long.class);
        long[] shape = longs(arg(args, 2, StateDictUnpickler.Tuple.class), "size");
        long[] stride = longs(arg(args, 3, StateDictUnpickler.Tuple.class), "stride");
        arg(args, 4, Boolean.class);
        if (!arg(args, 5, StateDictUnpickler.Dict.class).entries().isEmpty()) {
            throw refuse("a tensor with backward hooks");
        }
        return TensorViews.checked(storage, offset, shape, stride);
    }

    private void expectArgs(List<Object> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw refuse(qualifiedName() + " called with " + args.size() + " arguments");
        }
    }

    private <T> T arg(List<Object> args, int index, Class<T> type) {
        Object value = args.get(index);
        if (!type.isInstance(value)) {
            throw refuse("argument " + index + " of " + qualifiedName() + " is " + describe(value) + ", expected a "
                    + type.getSimpleName());
        }
        return type.cast(value);
    }

    private long[] longs(StateDictUnpickler.Tuple tuple, String what) {
        long[] values = new long[tuple.items().size()];
        for (int i = 0; i < values.length; i++) {
            if (!(tuple.items().get(i) instanceof Long value)) {
                throw refuse("the tensor " + what + " holds "
                        + describe(tuple.items().get(i)));
            }
            values[i] = value;
        }
        return values;
    }
}
