package dev.glimpse.ml.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test helper: writes pickle opcodes by hand and packs them into a torch.save-style zip archive. */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes protocol2() {
        return new PickleBytes().op(0x80).op(2);
    }

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    PickleBytes string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(bytes.length)
                .array());
        out.writeBytes(bytes);
        return this;
    }

    PickleBytes integer(long value) {
        if (value >= 0 && value < Integer.MAX_VALUE) {
            op('J');
            out.writeBytes(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) value)
                    .array());
        } else {
            op(0x8a).op(8);
            out.writeBytes(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(value)
                    .array());
        }
        return this;
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes tuple() {
        return op('t');
    }

    /** {@code ('storage', torch.<type>, key, 'cpu', numel)} as a persistent id. */
    PickleBytes storage(String type, String key, long numel) {
        return mark().string("storage")
                .global("torch", type)
                .string(key)
                .string("cpu")
                .integer(numel)
                .tuple()
                .op('Q');
    }

    /** {@code _rebuild_tensor_v2(storage, offset, shape, contiguous stride, False, OrderedDict())}. */
    PickleBytes tensor(String type, String key, long numel, long offset, long... shape) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        storage(type, key, numel).integer(offset);
        mark();
        for (long dim : shape) {
            integer(dim);
        }
        tuple().mark();
        long stride = 1;
        long[] strides = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        for (long s : strides) {
            integer(s);
        }
        tuple().op(0x89).global("collections", "OrderedDict").op(')').op('R');
        return tuple().op('R');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /**
     * A torch.save archive: {@code archive/data.pkl}, {@code archive/byteorder} and {@code archive/data/<key>}, stored
     * uncompressed as torch writes them (or deflated, to test the guard against entries expanding past the file).
     */
    static Path archive(Path file, byte[] pickle, Map<String, byte[]> storages) {
        return archive(file, pickle, storages, ZipEntry.STORED);
    }

    static Path archive(Path file, byte[] pickle, Map<String, byte[]> storages, int method) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "archive/data.pkl", pickle, method);
            put(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII), method);
            for (var storage : storages.entrySet()) {
                put(zip, "archive/data/" + storage.getKey(), storage.getValue(), method);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, int method) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }
}
