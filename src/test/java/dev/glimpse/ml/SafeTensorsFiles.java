package dev.glimpse.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writes safetensors files byte by byte, as the format's specification describes them. */
public final class SafeTensorsFiles {

    public record Tensor(String name, String dtype, long[] shape, byte[] bytes) {}

    private final List<Tensor> tensors = new ArrayList<>();

    public SafeTensorsFiles add(String name, String dtype, long[] shape, byte[] bytes) {
        tensors.add(new Tensor(name, dtype, shape, bytes));
        return this;
    }

    public SafeTensorsFiles f32(String name, long[] shape, float... values) {
        ByteBuffer buffer = le(values.length * 4);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return add(name, "F32", shape, buffer.array());
    }

    public SafeTensorsFiles f16(String name, long[] shape, float... values) {
        ByteBuffer buffer = le(values.length * 2);
        for (float v : values) {
            buffer.putShort(Float.floatToFloat16(v));
        }
        return add(name, "F16", shape, buffer.array());
    }

    public SafeTensorsFiles bf16(String name, long[] shape, float... values) {
        ByteBuffer buffer = le(values.length * 2);
        for (float v : values) {
            buffer.putShort((short) (Float.floatToRawIntBits(v) >>> 16));
        }
        return add(name, "BF16", shape, buffer.array());
    }

    public SafeTensorsFiles i64(String name, long[] shape, long... values) {
        ByteBuffer buffer = le(values.length * 8);
        for (long v : values) {
            buffer.putLong(v);
        }
        return add(name, "I64", shape, buffer.array());
    }

    public String header() {
        long offset = 0;
        List<String> fields = new ArrayList<>();
        fields.add("\"__metadata__\":{\"format\":\"pt\"}");
        for (Tensor t : tensors) {
            long end = offset + t.bytes().length;
            fields.add("\"" + t.name() + "\":{\"dtype\":\"" + t.dtype() + "\",\"shape\":"
                    + Arrays.stream(t.shape()).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"))
                    + ",\"data_offsets\":[" + offset + "," + end + "]}");
            offset = end;
        }
        return fields.stream().collect(Collectors.joining(",", "{", "}"));
    }

    public Path write(Path file) {
        return write(file, header());
    }

    public Path write(Path file, String header) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int data = tensors.stream().mapToInt(t -> t.bytes().length).sum();
        ByteBuffer buffer = le(8 + json.length + data);
        buffer.putLong(json.length).put(json);
        tensors.forEach(t -> buffer.put(t.bytes()));
        return writeBytes(file, buffer.array());
    }

    public static Path writeBytes(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
