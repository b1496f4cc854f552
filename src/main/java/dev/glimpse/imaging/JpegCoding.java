package dev.glimpse.imaging;

/**
 * The coding a JPEG's frame declares ({@code SOFn}), checked before decoding: Java's decoders read baseline,
 * extended and progressive Huffman-coded JPEGs (and TwelveMonkeys lossless ones) but not arithmetic coding
 * ({@code SOF9}–{@code SOF11}, {@code SOF13}–{@code SOF15}) nor hierarchical (differential) frames ({@code SOF5}–
 * {@code SOF7}). Such a file is valid, so it is refused with that reason, never called damaged.
 */
final class JpegCoding {

    private static final int MARKER = 0xFF;
    private static final int START_OF_SCAN = 0xDA;
    private static final int DEFINE_ARITHMETIC_CONDITIONING = 0xCC;

    private JpegCoding() {}

    /** Throws {@link ImageRefusedException} when the frame uses a coding Glimpse cannot read. */
    static void requireReadable(byte[] jpeg) {
        int frame = frameMarker(jpeg);
        if (frame == 0xC9 || frame == 0xCA || frame == 0xCB || frame >= 0xCD && frame <= 0xCF) {
            throw new ImageRefusedException("is a JPEG that uses arithmetic coding, which Glimpse cannot read");
        }
        if (frame >= 0xC5 && frame <= 0xC7) {
            throw new ImageRefusedException(
                    "is a JPEG that uses hierarchical (differential) coding, which Glimpse cannot read");
        }
    }

    /** The first start-of-frame marker before the first scan, or 0 when there is none or the structure breaks. */
    static int frameMarker(byte[] jpeg) {
        int position = 2;
        while (position + 3 < jpeg.length) {
            if ((jpeg[position] & 0xFF) != MARKER) {
                return 0;
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == MARKER) {
                position++;
                continue;
            }
            if (isFrame(marker)) {
                return marker;
            }
            if (marker == START_OF_SCAN) {
                return 0;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                position += 2;
                continue;
            }
            position += 2 + ((jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF));
        }
        return 0;
    }

    private static boolean isFrame(int marker) {
        return marker >= 0xC0
                && marker <= 0xCF
                && marker != 0xC4
                && marker != 0xC8
                && marker != DEFINE_ARITHMETIC_CONDITIONING;
    }
}
