package dev.glimpse.imaging.heif;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The metadata policy for HEIC/AVIF originals, applied in place so that every item offset stays valid: a copy of
 * the file, byte for byte the same length, whose Exif items have the GPS directory, the thumbnail and private or
 * free-text fields blanked ({@link TiffBlanker}) and whose XMP items are replaced by an empty XMP packet. Date and
 * time, camera and orientation stay; coded pictures are untouched.
 */
public final class HeifMetadataBlanker {

    private static final String XMP_TYPE = "application/rdf+xml";
    private static final byte[] EMPTY_XMP_START = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
            .concat("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_XMP_END = "<?xpacket end=\"w\"?>".getBytes(StandardCharsets.US_ASCII);

    private HeifMetadataBlanker() {}

    /** A copy of {@code file} without location and private metadata; throws {@link HeifDecodingException}. */
    public static byte[] withoutPrivateData(byte[] file) {
        HeifDecoder.probe(file); // refuses what is not a readable HEIF file
        byte[] copy = file.clone();
        HeifContainer container = HeifContainer.read(copy);
        for (HeifItem item : container.items()) {
            if (item.type().equals("Exif")) {
                blankExif(container, item);
            } else if (item.type().equals("mime") && item.contentType().startsWith(XMP_TYPE)) {
                write(copy, item, emptyXmp(item.length()));
            }
        }
        return copy;
    }

    private static void blankExif(HeifContainer container, HeifItem item) {
        byte[] payload = container.bytes(item);
        int tiff = HeifExif.tiffStart(payload);
        if (tiff < 0) {
            Arrays.fill(payload, (byte) 0); // Exif that cannot be read cannot be cleaned either: it goes whole
        } else {
            TiffBlanker.blank(payload, tiff, payload.length);
        }
        write(container.data(), item, payload);
    }

    private static byte[] emptyXmp(int length) {
        byte[] packet = new byte[length];
        Arrays.fill(packet, (byte) ' ');
        if (length >= EMPTY_XMP_START.length + EMPTY_XMP_END.length) {
            System.arraycopy(EMPTY_XMP_START, 0, packet, 0, EMPTY_XMP_START.length);
            System.arraycopy(EMPTY_XMP_END, 0, packet, length - EMPTY_XMP_END.length, EMPTY_XMP_END.length);
        }
        return packet;
    }

    /** Writes an item's bytes back over its extents. */
    private static void write(byte[] file, HeifItem item, byte[] bytes) {
        int position = 0;
        for (HeifItem.Extent extent : item.extents()) {
            System.arraycopy(bytes, position, file, extent.offset(), extent.length());
            position += extent.length();
        }
    }
}
