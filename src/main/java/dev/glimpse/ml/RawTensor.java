package dev.glimpse.ml;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor as stored in a checkpoint: its name, element type, shape and little-endian bytes (row-major,
 * contiguous). The buffer may be memory-mapped and is only valid while its {@link Checkpoint} is open.
 */
public record RawTensor(String name, TensorType type, long[] shape, ByteBuffer data) {

    public RawTensor {
        shape = shape.clone();
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long expected = elementCount(shape) * type.bytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("Tensor '" + name + "' of type " + type + " and shape "
                    + Arrays.toString(shape) + " needs " + expected + " bytes but has " + data.remaining());
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The bytes, little-endian, as a fresh view (reading it does not disturb this tensor). */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Number of elements (1 for a scalar). */
    public long elementCount() {
        return elementCount(shape);
    }

    /** The values converted to float32 (from F32, F16, BF16 or I64). */
    public float[] toFloats() {
        int count = Math.toIntExact(elementCount());
        float[] values = new float[count];
        ByteBuffer bytes = data();
        switch (type) {
            case F32 -> bytes.asFloatBuffer().get(values);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = Float.float16ToFloat(bytes.getShort(i * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = Float.intBitsToFloat((bytes.getShort(i * 2) & 0xFFFF) << 16);
                }
            }
            case I64 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = bytes.getLong(i * 8);
                }
            }
        }
        return values;
    }

    /**
     * Writes the values as float32 in native byte order into {@code target} (from its position on), converting
     * F16, BF16 and I64 on the way. Used to fill the native buffer a weight lives in without a float[] copy on the
     * Java heap.
     */
    public void copyFloatsTo(ByteBuffer target) {
        ByteBuffer out = target.duplicate().order(ByteOrder.nativeOrder());
        ByteBuffer bytes = data();
        int count = Math.toIntExact(elementCount());
        switch (type) {
            case F32 -> {
                if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
                    out.put(bytes.duplicate());
                } else {
                    out.asFloatBuffer().put(bytes.asFloatBuffer());
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out.putFloat(Float.float16ToFloat(bytes.getShort(i * 2)));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out.putFloat(Float.intBitsToFloat((bytes.getShort(i * 2) & 0xFFFF) << 16));
                }
            }
            case I64 -> {
                for (int i = 0; i < count; i++) {
                    out.putFloat(bytes.getLong(i * 8));
                }
            }
        }
    }

    /** The values of an I64 tensor. */
    public long[] toLongs() {
        if (type != TensorType.I64) {
            throw new IllegalStateException("Tensor '" + name + "' is " + type + ", not I64");
        }
        long[] values = new long[Math.toIntExact(elementCount())];
        data().asLongBuffer().get(values);
        return values;
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }
}
