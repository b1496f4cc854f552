package dev.glimpse.imaging.heif;

import java.util.Arrays;
import java.util.Set;

/**
 * Blanks, in place and without moving a byte, what the metadata policy drops from a TIFF-structured Exif block: the
 * whole GPS directory (its entries and their values become zeros, so it reads as an empty directory), the
 * thumbnail directory and its image (unlinked and zeroed), and the values of comments, descriptions, maker notes,
 * embedded XMP/IPTC/Photoshop data and any value over {@value #MAX_VALUE_BYTES} bytes. Date and time, camera and
 * orientation stay as they are. A block that cannot be walked is emptied: its first directory then has no entries.
 */
final class TiffBlanker {

    static final int MAX_VALUE_BYTES = 1024;

    private static final int GPS_POINTER = 0x8825;
    private static final int EXIF_POINTER = 0x8769;
    private static final Set<Integer> DROPPED_TAGS = Set.of(
            0x010E, // ImageDescription
            0x02BC, // XMP packet
            0x83BB, // IPTC
            0x8649, // Photoshop image resources
            0x927C, // MakerNote
            0x9286, // UserComment
            0x9C9B, // XPTitle
            0x9C9C, // XPComment
            0x9C9D, // XPAuthor
            0x9C9E, // XPKeywords
            0x9C9F, // XPSubject
            0xC4A5 // PrintImageMatching
            );
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private final byte[] data;
    private final int start;
    private final int end;
    private final boolean littleEndian;

    /** The TIFF block lies between {@code start} (its {@code II}/{@code MM} header) and {@code end} of {@code data}. */
    private TiffBlanker(byte[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.littleEndian = data[start] == 'I';
    }

    static void blank(byte[] data, int start, int end) {
        TiffBlanker blanker = new TiffBlanker(data, start, end);
        try {
            blanker.blankRoot();
        } catch (HeifDecodingException | IndexOutOfBoundsException e) {
            blanker.empty();
        }
    }

    private void blankRoot() {
        int root = offset(start + 4);
        int count = u16(root);
        for (int i = 0; i < count; i++) {
            int entry = root + 2 + 12 * i;
            int tag = u16(entry);
            if (tag == GPS_POINTER) {
                blankDirectory(offset(entry + 8));
            } else if (tag == EXIF_POINTER) {
                blankFields(offset(entry + 8));
            } else {
                blankIfDropped(entry);
            }
        }
        int next = root + 2 + 12 * count;
        if (u32(next) != 0) {
            blankDirectory(offset(next)); // the thumbnail's directory, with the thumbnail it points to
            Arrays.fill(data, next, next + 4, (byte) 0);
        }
    }

    private void blankFields(int directory) {
        int count = u16(directory);
        for (int i = 0; i < count; i++) {
            blankIfDropped(directory + 2 + 12 * i);
        }
    }

    private void blankIfDropped(int entry) {
        if (DROPPED_TAGS.contains(u16(entry)) || valueBytes(entry) > MAX_VALUE_BYTES) {
            blankValue(entry);
        }
    }

    private void blankDirectory(int directory) {
        int count = u16(directory);
        for (int i = 0; i < count; i++) {
            int entry = directory + 2 + 12 * i;
            if (u16(entry) == 0x0201 && i + 1 < count && u16(entry + 12) == 0x0202) {
                blankRange(offset(entry + 8), u32(entry + 20)); // JPEGInterchangeFormat and its length
            }
            blankValue(entry);
        }
        Arrays.fill(data, directory, checked(directory, 2 + 12L * count + 4), (byte) 0);
    }

    private void blankValue(int entry) {
        long size = valueBytes(entry);
        if (size > 4) {
            blankRange(offset(entry + 8), size);
        }
        Arrays.fill(data, entry + 8, entry + 12, (byte) 0);
    }

    private void blankRange(int from, long length) {
        Arrays.fill(data, from, checked(from, length), (byte) 0);
    }

    private long valueBytes(int entry) {
        int type = u16(entry + 2);
        int size = type < TYPE_SIZES.length ? TYPE_SIZES[type] : 0;
        return size * u32(entry + 4);
    }

    /** An empty first directory: the header stays, everything after it is zero. */
    private void empty() {
        Arrays.fill(data, start + 4, end, (byte) 0);
        if (end - start >= 14) {
            data[start + (littleEndian ? 4 : 7)] = 8;
        }
    }

    private int offset(int position) {
        long value = u32(position);
        if (value < 8 || value >= end - start) {
            throw HeifDecodingException.damaged("its Exif points outside itself");
        }
        return start + (int) value;
    }

    private int checked(int from, long length) {
        if (from + length > end) {
            throw HeifDecodingException.damaged("its Exif is cut short");
        }
        return (int) (from + length);
    }

    private int u16(int position) {
        checked(position, 2);
        int a = data[position] & 0xFF;
        int b = data[position + 1] & 0xFF;
        return littleEndian ? (b << 8) | a : (a << 8) | b;
    }

    private long u32(int position) {
        checked(position, 4);
        long high = u16(position);
        long low = u16(position + 2);
        return littleEndian ? (low << 16) | high : (high << 16) | low;
    }
}
