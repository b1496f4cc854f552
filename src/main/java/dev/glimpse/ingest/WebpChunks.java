package dev.glimpse.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Rewrites a WebP (RIFF) file without its EXIF and XMP chunks, clearing their flags in the VP8X header. */
final class WebpChunks {

    private static final int HEADER_LENGTH = 12;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpChunks() {}

    static byte[] withoutMetadata(byte[] webp) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length);
        int position = HEADER_LENGTH;
        while (position + 8 <= webp.length) {
            String type = new String(webp, position, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(webp, position + 4, 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getInt());
            long padded = 8 + size + (size & 1);
            if (position + 8 + size > webp.length) {
                throw new ImageRefusedException("is a damaged WebP file");
            }
            int chunkLength = (int) Math.min(padded, webp.length - position);
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                int start = body.size();
                body.write(webp, position, chunkLength);
                if (type.equals("VP8X")) {
                    clearMetadataFlags(body, start);
                }
            }
            position += chunkLength;
        }
        return withRiffHeader(webp, body.toByteArray());
    }

    private static void clearMetadataFlags(ByteArrayOutputStream body, int chunkStart) {
        byte[] written = body.toByteArray();
        written[chunkStart + 8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
        body.reset();
        body.write(written, 0, written.length);
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
