package dev.glimpse.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Rewrites a WebP (RIFF) file keeping, byte for byte, the chunks that make the picture ({@code VP8 }, {@code VP8L},
 * {@code VP8X}, {@code ALPH}, {@code ANIM}, {@code ANMF}) and the ICC profile ({@code ICCP}); the {@code EXIF} chunk
 * keeps only the fields of {@link ExifFields}. Dropped: {@code XMP }, unknown chunks and anything after the size the
 * RIFF header declares. The VP8X flags are updated to match.
 */
final class WebpChunks {

    private static final int HEADER_LENGTH = 12;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

    private WebpChunks() {}

    static byte[] withoutHiddenData(byte[] webp) {
        long declared = 8
                + Integer.toUnsignedLong(ByteBuffer.wrap(webp, 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt());
        int end = (int) Math.min(declared, webp.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length);
        int vp8x = -1;
        boolean exifKept = false;
        int position = HEADER_LENGTH;
        while (position + 8 <= end) {
            String type = new String(webp, position, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(webp, position + 4, 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getInt());
            if (position + 8 + size > end) {
                throw new ImageRefusedException("is a damaged WebP file");
            }
            int chunkLength = (int) Math.min(8 + size + (size & 1), end - position);
            if (KEPT.contains(type)) {
                if (type.equals("VP8X")) {
                    vp8x = body.size();
                }
                body.write(webp, position, chunkLength);
            } else if (type.equals("EXIF")) {
                byte[] exif = keptExif(Arrays.copyOfRange(webp, position + 8, position + 8 + (int) size));
                if (exif != null) {
                    body.writeBytes(chunk(type, exif));
                    exifKept = true;
                }
            }
            position += chunkLength;
        }
        byte[] chunks = body.toByteArray();
        if (vp8x >= 0) {
            chunks[vp8x + 8] &= (byte) ~(XMP_FLAG | (exifKept ? 0 : EXIF_FLAG));
        }
        return withRiffHeader(webp, chunks);
    }

    private static byte[] keptExif(byte[] exif) {
        boolean prefixed = exif.length > EXIF_PREFIX.length
                && Arrays.equals(exif, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
        return ExifFields.keptTiff(prefixed ? Arrays.copyOfRange(exif, EXIF_PREFIX.length, exif.length) : exif);
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer out =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(type.getBytes(StandardCharsets.US_ASCII));
        out.putInt(data.length);
        out.put(data);
        return out.array();
    }

    private static byte[] withRiffHeader(byte[] original, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(original, 0, 4);
        out.putInt(4 + body.length);
        out.put(original, 8, 4);
        out.put(body);
        return out.array();
    }
}
