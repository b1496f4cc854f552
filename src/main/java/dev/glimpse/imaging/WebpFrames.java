package dev.glimpse.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Reads a WebP's chunks: the canvas of an extended file ({@code VP8X}), its first frame's offset, any chunk's data. */
final class WebpFrames {

    private static final int HEADER_LENGTH = 12;
    private static final int ANIMATION_FLAG = 0x02;

    private WebpFrames() {}

    /** The canvas of an animated WebP; empty for a still one (its picture is its canvas). */
    static Optional<FormatDecoder.Size> canvas(byte[] webp) {
        return chunk(webp, "VP8X")
                .filter(vp8x -> vp8x.length >= 10 && (vp8x[0] & ANIMATION_FLAG) != 0)
                .map(vp8x -> new FormatDecoder.Size(uint24(vp8x, 4) + 1, uint24(vp8x, 7) + 1));
    }

    /** Where the first animation frame sits on the canvas, in pixels (x, y). */
    static int[] firstFrameOffset(byte[] webp) {
        return chunk(webp, "ANMF")
                .filter(anmf -> anmf.length >= 6)
                .map(anmf -> new int[] {uint24(anmf, 0) * 2, uint24(anmf, 3) * 2})
                .orElse(new int[] {0, 0});
    }

    /** The data of the first top-level chunk of this type. */
    static Optional<byte[]> chunk(byte[] webp, String type) {
        int position = HEADER_LENGTH;
        while (position + 8 <= webp.length) {
            String found = new String(webp, position, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong((webp[position + 4] & 0xFF)
                    | (webp[position + 5] & 0xFF) << 8
                    | (webp[position + 6] & 0xFF) << 16
                    | (webp[position + 7] & 0xFF) << 24);
            if (position + 8 + size > webp.length) {
                return Optional.empty();
            }
            if (found.equals(type)) {
                return Optional.of(Arrays.copyOfRange(webp, position + 8, position + 8 + (int) size));
            }
            position += (int) (8 + size + (size & 1));
        }
        return Optional.empty();
    }

    private static int uint24(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
    }
}
