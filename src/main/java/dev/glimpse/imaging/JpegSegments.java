package dev.glimpse.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a JPEG keeping only the segments that make the picture and what its owner values, byte for byte: the
 * frame, tables, scans and their entropy-coded data (the pixels are never re-encoded), JFIF ({@code APP0}, without its thumbnail), EXIF
 * ({@code APP1 "Exif"}), the ICC profile ({@code APP2 "ICC_PROFILE"}) and Adobe's colour-transform flag
 * ({@code APP14 "Adobe"}, needed to decode CMYK pictures). Comments ({@code COM}), XMP, IPTC/Photoshop
 * ({@code APP13}), multi-picture and every other application segment are dropped, wherever they sit (also between
 * the scans of a progressive JPEG), and so is everything after the end-of-image marker (an appended archive making a
 * polyglot). A file whose structure cannot be followed is returned unchanged; it was decoded in full before.
 */
final class JpegSegments {

    private static final int MARKER = 0xFF;
    private static final int START_OF_IMAGE = 0xD8;
    private static final int END_OF_IMAGE = 0xD9;
    private static final int START_OF_SCAN = 0xDA;
    private static final int COMMENT = 0xFE;
    private static final int APP0 = 0xE0;
    private static final int APP15 = 0xEF;
    /** Marker, length, identifier, version, units, densities and a 0 × 0 thumbnail. */
    private static final int JFIF_LENGTH = 2 + 16;

    private JpegSegments() {}

    static byte[] withoutHiddenData(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != MARKER || (jpeg[1] & 0xFF) != START_OF_IMAGE) {
            return jpeg;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int position = 2;
        while (position + 1 < jpeg.length) {
            if ((jpeg[position] & 0xFF) != MARKER) {
                return jpeg;
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == MARKER) {
                position++; // fill byte
                continue;
            }
            if (marker == END_OF_IMAGE) {
                out.write(jpeg, position, 2);
                return out.toByteArray();
            }
            if (isStandalone(marker)) {
                out.write(jpeg, position, 2);
                position += 2;
                continue;
            }
            if (position + 4 > jpeg.length) {
                return jpeg;
            }
            int end = position + 2 + ((jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF));
            if (end > jpeg.length || end < position + 4) {
                return jpeg;
            }
            if (marker == APP0 && startsWith(jpeg, position + 4, end, "JFIF\0") && end - position > JFIF_LENGTH) {
                writeJfifWithoutThumbnail(out, jpeg, position);
            } else if (keeps(marker, jpeg, position + 4, end)) {
                out.write(jpeg, position, end - position);
            }
            position = end;
            if (marker == START_OF_SCAN) {
                int next = endOfEntropyCodedData(jpeg, position);
                out.write(jpeg, position, next - position);
                position = next;
            }
        }
        return jpeg; // no end-of-image marker: leave what the decoder accepted as it is
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    private static boolean keeps(int marker, byte[] jpeg, int dataStart, int end) {
        if (marker == COMMENT) {
            return false;
        }
        if (marker < APP0 || marker > APP15) {
            return true; // frame, tables, scans, restart interval, ...: the picture itself
        }
        return switch (marker - APP0) {
            case 0 -> startsWith(jpeg, dataStart, end, "JFIF\0");
            case 1 -> startsWith(jpeg, dataStart, end, "Exif\0");
            case 2 -> startsWith(jpeg, dataStart, end, "ICC_PROFILE\0");
            case 14 -> startsWith(jpeg, dataStart, end, "Adobe");
            default -> false;
        };
    }

    /** JFIF may carry an uncompressed thumbnail of any content; the header is kept with a 0 × 0 thumbnail. */
    private static void writeJfifWithoutThumbnail(ByteArrayOutputStream out, byte[] jpeg, int position) {
        byte[] header = java.util.Arrays.copyOfRange(jpeg, position, position + JFIF_LENGTH);
        header[2] = 0;
        header[3] = 16;
        header[JFIF_LENGTH - 2] = 0;
        header[JFIF_LENGTH - 1] = 0;
        out.write(header, 0, header.length);
    }

    private static boolean startsWith(byte[] jpeg, int start, int end, String identifier) {
        byte[] expected = identifier.getBytes(StandardCharsets.ISO_8859_1);
        if (end - start < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (jpeg[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** In entropy-coded data a 0xFF byte is followed by 0x00 (a stuffed byte), a restart marker or the next marker. */
    private static int endOfEntropyCodedData(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) != MARKER) {
                continue;
            }
            int next = jpeg[i + 1] & 0xFF;
            if (next != 0x00 && next != MARKER && !(next >= 0xD0 && next <= 0xD7)) {
                return i;
            }
        }
        return jpeg.length;
    }
}
