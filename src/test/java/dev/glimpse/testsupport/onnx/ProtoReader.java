package dev.glimpse.testsupport.onnx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of the protobuf wire format: a message is a sequence of (field number, wire type, value). Only what ONNX
 * files use is supported: varints, 64- and 32-bit fixed values and length-delimited values (strings, bytes, nested
 * messages and packed repeated varints).
 */
final class ProtoReader {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteBuffer buffer;

    ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer.slice();
    }

    /** One field of a message: for varints {@code value} holds the number, else {@code payload} the bytes. */
    record Field(int number, int wireType, long value, ByteBuffer payload) {

        long varint() {
            return value;
        }

        /** A repeated varint field, packed (one length-delimited run) or not (one value per field). */
        List<Long> varints() {
            if (wireType == VARINT) {
                return List.of(value);
            }
            List<Long> values = new ArrayList<>();
            ByteBuffer run = payload.duplicate();
            while (run.hasRemaining()) {
                values.add(readVarint(run));
            }
            return values;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            return bytes;
        }

        ProtoReader message() {
            return new ProtoReader(payload);
        }
    }

    List<Field> fields() {
        ByteBuffer in = buffer.duplicate();
        List<Field> fields = new ArrayList<>();
        while (in.hasRemaining()) {
            long key = readVarint(in);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            fields.add(
                    switch (wireType) {
                        case VARINT -> new Field(number, wireType, readVarint(in), null);
                        case FIXED64 -> new Field(number, wireType, 0, take(in, 8));
                        case FIXED32 -> new Field(number, wireType, 0, take(in, 4));
                        case LENGTH_DELIMITED ->
                            new Field(number, wireType, 0, take(in, Math.toIntExact(readVarint(in))));
                        default -> throw new IllegalArgumentException("Unsupported protobuf wire type " + wireType);
                    });
        }
        return fields;
    }

    private static ByteBuffer take(ByteBuffer in, int length) {
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        return slice;
    }

    private static long readVarint(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("Malformed varint");
    }
}
