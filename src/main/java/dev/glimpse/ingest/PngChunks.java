package dev.glimpse.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Rewrites a PNG without its eXIf chunk and the text chunks that carry EXIF or XMP packets. */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;

    private PngChunks() {}

    static byte[] withoutMetadata(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE_LENGTH);
        int position = SIGNATURE_LENGTH;
        while (position + 12 <= png.length) {
            int length = in.getInt(position);
            if (length < 0 || position + 12L + length > png.length) {
                throw new ImageRefusedException("is a damaged PNG file");
            }
            String type = new String(png, position + 4, 4, StandardCharsets.US_ASCII);
            int chunkLength = 12 + length;
            if (!isLocationCarrier(type, png, position + 8, length)) {
                out.write(png, position, chunkLength);
            }
            position += chunkLength;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean isLocationCarrier(String type, byte[] png, int dataStart, int length) {
        if (type.equals("eXIf")) {
            return true;
        }
        if (!type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt")) {
            return false;
        }
        String keyword = keyword(png, dataStart, length);
        return keyword.equals("XML:com.adobe.xmp") || keyword.startsWith("Raw profile type");
    }

    private static String keyword(byte[] png, int start, int length) {
        int end = start;
        while (end < start + length && end - start < 80 && png[end] != 0) {
            end++;
        }
        return new String(png, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
