package dev.glimpse.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A memory-mapped {@code .safetensors} file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw data. The header is validated completely on open (every range
 * inside the file, sizes matching shapes); tensors are mapped, not copied, and unmapped on {@link #close()}.
 */
public final class SafeTensors implements Checkpoint {

    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";

    private final Path file;
    private final Arena arena;
    private final MemorySegment data;
    private final Map<String, Entry> entries;

    private record Entry(String dtype, long[] shape, long begin, long end) {}

    private SafeTensors(Path file, Arena arena, MemorySegment data, Map<String, Entry> entries) {
        this.file = file;
        this.arena = arena;
        this.data = data;
        this.entries = entries;
    }

    /**
     * Maps and validates a safetensors file.
     *
     * @throws IllegalArgumentException when the file is not a well-formed safetensors file
     * @throws UncheckedIOException when it cannot be read
     */
    public static SafeTensors open(Path file) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw malformed(file, "file has " + size + " bytes, fewer than the 8-byte header length");
            }
            MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long headerLength = whole.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw malformed(
                        file, "header length " + headerLength + " is impossible for a file of " + size + " bytes");
            }
            String json =
                    new String(whole.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            MemorySegment data = whole.asSlice(8 + headerLength);
            Map<String, Entry> entries = parseHeader(file, json, data.byteSize());
            return new SafeTensors(file, arena, data, entries);
        } catch (IOException e) {
            arena.close();
            throw new UncheckedIOException("Cannot read safetensors file " + file, e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static Map<String, Entry> parseHeader(Path file, String json, long dataBytes) {
        JsonObject header;
        try {
            JsonElement parsed = JsonParser.parseString(json.strip());
            if (!parsed.isJsonObject()) {
                throw malformed(file, "header is not a JSON object");
            }
            header = parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw malformed(file, "header is not valid JSON (" + e.getMessage() + ")");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> field : header.entrySet()) {
            if (!field.getKey().equals(METADATA)) {
                entries.put(field.getKey(), parseEntry(file, field.getKey(), field.getValue(), dataBytes));
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static Entry parseEntry(Path file, String name, JsonElement value, long dataBytes) {
        try {
            JsonObject object = value.getAsJsonObject();
            String dtype = object.get("dtype").getAsString();
            JsonArray dims = object.getAsJsonArray("shape");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).getAsLong();
            }
            JsonArray offsets = object.getAsJsonArray("data_offsets");
            if (offsets.size() != 2) {
                throw malformed(file, "tensor '" + name + "' has " + offsets.size() + " data_offsets, not 2");
            }
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            if (begin < 0 || end < begin || end > dataBytes) {
                throw malformed(
                        file,
                        "tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] outside the " + dataBytes
                                + " data bytes");
            }
            checkSize(file, name, dtype, shape, end - begin);
            return new Entry(dtype, shape, begin, end);
        } catch (NullPointerException | IllegalStateException | ClassCastException | NumberFormatException e) {
            throw malformed(file, "tensor '" + name + "' needs dtype, shape and data_offsets (" + e + ")");
        }
    }

    private static void checkSize(Path file, String name, String dtype, long[] shape, long bytes) {
        long count;
        try {
            count = RawTensor.elementCount(shape);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed(file, "tensor '" + name + "' has an invalid shape (" + e.getMessage() + ")");
        }
        int elementBytes = elementBytes(dtype);
        if (elementBytes > 0 && (count > bytes / elementBytes || count * elementBytes != bytes)) {
            throw malformed(
                    file,
                    "tensor '" + name + "' of dtype " + dtype + " and " + count + " elements spans " + bytes
                            + " bytes");
        }
    }

    private static int elementBytes(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2" -> 1;
            default -> 0;
        };
    }

    private static IllegalArgumentException malformed(Path file, String reason) {
        return new IllegalArgumentException("Malformed safetensors file " + file + ": " + reason);
    }

    @Override
    public Set<String> names() {
        return entries.keySet();
    }

    @Override
    public RawTensor tensor(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("Tensor '" + name + "' not found in " + file);
        }
        TensorType type;
        try {
            type = TensorType.fromSafetensors(entry.dtype());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Tensor '" + name + "' in " + file + ": " + e.getMessage(), e);
        }
        MemorySegment bytes = data.asSlice(entry.begin(), entry.end() - entry.begin());
        return new RawTensor(name, type, entry.shape(), bytes.asByteBuffer());
    }

    /** The file this checkpoint was read from. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "SafeTensors[" + file + ", " + entries.size() + " tensors]";
    }
}
