package dev.glimpse.imaging.heif;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading ISOBMFF boxes and big-endian numbers from a file held in memory; every read is bounds-checked. */
final class Boxes {

    /** A box: its four-character type and where its content (after the header) starts and ends. */
    record Box(String type, int start, int end) {

        int size() {
            return end - start;
        }
    }

    private Boxes() {}

    /** The boxes between {@code start} and {@code end}: the top level of a file or a box's children. */
    static List<Box> children(byte[] data, int start, int end) {
        List<Box> boxes = new ArrayList<>();
        int position = start;
        while (position < end) {
            if (end - position < 8) {
                throw HeifDecodingException.damaged("a box is cut short");
            }
            long size = u32(data, position);
            String type = fourCc(data, position + 4);
            int header = 8;
            if (size == 1) {
                size = u64(data, position + 8);
                header = 16;
            } else if (size == 0) {
                size = end - position;
            }
            if (size < header || size > end - position) {
                throw HeifDecodingException.damaged("the " + printable(type) + " box is cut short");
            }
            boxes.add(new Box(type, position + header, (int) (position + size)));
            position += (int) size;
        }
        return boxes;
    }

    static Optional<Box> child(byte[] data, Box parent, int skip, String type) {
        return children(data, parent.start() + skip, parent.end()).stream()
                .filter(box -> box.type().equals(type))
                .findFirst();
    }

    static int u8(byte[] data, int position) {
        check(data, position, 1);
        return data[position] & 0xFF;
    }

    static int u16(byte[] data, int position) {
        check(data, position, 2);
        return ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
    }

    static long u32(byte[] data, int position) {
        check(data, position, 4);
        return ((long) (data[position] & 0xFF) << 24)
                | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8)
                | (data[position + 3] & 0xFF);
    }

    static long u64(byte[] data, int position) {
        long high = u32(data, position);
        if (high > 0) {
            throw HeifDecodingException.damaged("a box or offset is larger than the file");
        }
        return u32(data, position + 4);
    }

    /** An unsigned number of 0, 4 or 8 bytes (the variable sizes of {@code iloc}). */
    static long number(byte[] data, int position, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> u32(data, position);
            case 8 -> u64(data, position);
            default -> throw HeifDecodingException.damaged("an item location uses " + size + "-byte numbers");
        };
    }

    static String fourCc(byte[] data, int position) {
        check(data, position, 4);
        return new String(data, position, 4, StandardCharsets.ISO_8859_1);
    }

    /** A zero-terminated string starting at {@code position} (to {@code end} when it has no terminator). */
    static String cString(byte[] data, int position, int end) {
        int stop = position;
        while (stop < end && data[stop] != 0) {
            stop++;
        }
        return new String(data, position, stop - position, StandardCharsets.UTF_8);
    }

    static void check(byte[] data, long position, long length) {
        if (position < 0 || length < 0 || position + length > data.length) {
            throw HeifDecodingException.damaged("a box points past the end of the file");
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "'" + type + "'" : "a";
    }
}
