package dev.glimpse.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a GIF keeping, byte for byte, the header, colour tables, frames (image descriptors with their compressed
 * data), graphic-control extensions (delays, transparency) and the looping extension ({@code NETSCAPE2.0} or
 * {@code ANIMEXTS1.0}). Dropped: comment extensions, plain-text extensions, every other application extension (XMP,
 * private data) and anything after the trailer. A file whose structure cannot be followed is returned unchanged; it
 * was decoded in full before.
 */
final class GifBlocks {

    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;
    private static final int APPLICATION = 0xFF;

    private GifBlocks() {}

    static byte[] withoutHiddenData(byte[] gif) {
        if (gif.length < 13) {
            return gif;
        }
        int position = 13 + colourTableLength(gif[10]);
        if (position > gif.length) {
            return gif;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
        out.write(gif, 0, position);
        while (position < gif.length) {
            int block = gif[position] & 0xFF;
            if (block == TRAILER) {
                out.write(TRAILER);
                return out.toByteArray();
            }
            int end;
            boolean keep;
            if (block == IMAGE && position + 10 <= gif.length) {
                int dataStart = position + 10 + colourTableLength(gif[position + 9]) + 1; // + LZW minimum code size
                end = subBlocksEnd(gif, dataStart);
                keep = true;
            } else if (block == EXTENSION && position + 2 <= gif.length) {
                int label = gif[position + 1] & 0xFF;
                end = subBlocksEnd(gif, position + 2);
                keep = label == GRAPHIC_CONTROL || (label == APPLICATION && isLooping(gif, position + 2));
            } else {
                return gif;
            }
            if (end < 0) {
                return gif;
            }
            if (keep) {
                out.write(gif, position, end - position);
            }
            position = end;
        }
        return gif; // no trailer: leave what the decoder accepted as it is
    }

    private static int colourTableLength(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 0x07) + 1));
    }

    /** The offset after the terminating empty sub-block, or -1 when the data ends first. */
    private static int subBlocksEnd(byte[] gif, int from) {
        int position = from;
        while (position < gif.length) {
            int size = gif[position] & 0xFF;
            position += 1 + size;
            if (size == 0) {
                return position <= gif.length ? position : -1;
            }
        }
        return -1;
    }

    private static boolean isLooping(byte[] gif, int firstSubBlock) {
        if (firstSubBlock + 12 > gif.length || (gif[firstSubBlock] & 0xFF) != 11) {
            return false;
        }
        String identifier = new String(gif, firstSubBlock + 1, 11, StandardCharsets.US_ASCII);
        return identifier.equals("NETSCAPE2.0") || identifier.equals("ANIMEXTS1.0");
    }
}
