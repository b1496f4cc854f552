package dev.glimpse.ingest;

import java.util.Arrays;

/**
 * Cuts whatever follows a JPEG's end-of-image marker, such as a ZIP archive appended to make a polyglot, so that a
 * stored original is only the picture. Walks the marker segments to the first start-of-scan (skipping embedded EXIF
 * thumbnails), then scans the entropy-coded data, in which a 0xFF byte is always followed by 0x00 or a marker.
 */
final class JpegTrailer {

    private static final int MARKER = 0xFF;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;

    private JpegTrailer() {}

    static byte[] withoutTrailingData(byte[] jpeg) {
        int end = endOfImage(jpeg);
        return end < 0 || end == jpeg.length ? jpeg : Arrays.copyOf(jpeg, end);
    }

    /** The offset just after the EOI marker, or -1 when the structure is not as expected (left unchanged). */
    private static int endOfImage(byte[] jpeg) {
        int position = 2;
        while (position + 4 <= jpeg.length) {
            if ((jpeg[position] & 0xFF) != MARKER) {
                return -1;
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == MARKER) {
                position++;
                continue;
            }
            int length = (jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF);
            position += 2 + length;
            if (marker == START_OF_SCAN) {
                return scanForEnd(jpeg, position);
            }
        }
        return -1;
    }

    private static int scanForEnd(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == MARKER && (jpeg[i + 1] & 0xFF) == END_OF_IMAGE) {
                return i + 2;
            }
        }
        return -1;
    }
}
