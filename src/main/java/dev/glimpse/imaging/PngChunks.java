package dev.glimpse.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Rewrites a PNG keeping, byte for byte, the chunks that make the picture (header, palette, image data, transparency,
 * animation frames) and those that say how to show it (gamma, chromaticities, sRGB, ICC profile, HDR colour, pixel
 * density, background, significant bits, modification time). The {@code eXIf} chunk keeps only the EXIF fields of
 * {@link ExifFields}. Dropped: text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, which carry comments, XMP and
 * raw EXIF/IPTC profiles), every private or unknown chunk, and anything after {@code IEND}.
 */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;
    private static final Set<String> KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "acTL", "fcTL", "fdAT", "gAMA", "cHRM", "sRGB", "iCCP", "cICP",
            "mDCV", "cLLI", "mDCv", "cLLi", "pHYs", "bKGD", "sBIT", "tIME");

    private PngChunks() {}

    static byte[] withoutHiddenData(byte[] png) {
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
            if (KEPT.contains(type)) {
                out.write(png, position, chunkLength);
            } else if (type.equals("eXIf")) {
                byte[] exif =
                        ExifFields.keptTiff(java.util.Arrays.copyOfRange(png, position + 8, position + 8 + length));
                if (exif != null) {
                    out.writeBytes(chunk(type, exif));
                }
            }
            position += chunkLength;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
