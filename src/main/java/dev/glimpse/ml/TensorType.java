package dev.glimpse.ml;

import java.util.Locale;

/** Element types a checkpoint tensor may have; all are stored little-endian. */
public enum TensorType {
    F32(4),
    F16(2),
    BF16(2),
    I64(8);

    private final int bytes;

    TensorType(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether the values are floating point (and load as float32). */
    public boolean isFloatingPoint() {
        return this != I64;
    }

    /**
     * Parses a safetensors dtype name such as {@code "F32"}.
     *
     * @throws IllegalArgumentException for a dtype this runtime does not read
     */
    public static TensorType fromSafetensors(String dtype) {
        try {
            return valueOf(dtype.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unsupported tensor dtype '" + dtype + "' (supported: F32, F16, BF16, I64)", e);
        }
    }
}
