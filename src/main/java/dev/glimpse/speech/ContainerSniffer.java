package dev.glimpse.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Looks at the bytes of a recording without FFmpeg: recognises the first bytes of the audio containers Glimpse
 * accepts, to tell a damaged recording ("The recording is damaged") from something that is no recording at all
 * ("not an audio file"), and finds WebM/Matroska files cut short of the size their header declares (FFmpeg
 * plays those up to the cut without complaint).
 */
final class ContainerSniffer {

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] OGG = ascii("OggS");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WAVE = ascii("WAVE");
    private static final byte[] ID3 = ascii("ID3");
    private static final byte[] FLAC = ascii("fLaC");
    private static final byte[] FTYP = ascii("ftyp");
    private static final byte[] SEGMENT = {0x18, 0x53, (byte) 0x80, 0x67};

    private ContainerSniffer() {}

    static boolean looksLikeAudioContainer(byte[] bytes) {
        return startsWith(bytes, 0, EBML)
                || startsWith(bytes, 0, OGG)
                || (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WAVE))
                || startsWith(bytes, 0, ID3)
                || startsWith(bytes, 0, FLAC)
                || startsWith(bytes, 4, FTYP);
    }

    /**
     * Whether a WebM/Matroska file's Segment declares more bytes than the file holds. Recorders that stream
     * (browsers' MediaRecorder) write an unknown Segment size; those cannot be checked and count as complete.
     */
    static boolean isTruncatedMatroska(byte[] bytes) {
        if (!startsWith(bytes, 0, EBML)) {
            return false;
        }
        int headerSize = EBML.length;
        long[] header = readSize(bytes, headerSize);
        if (header == null || header[0] < 0) {
            return header == null;
        }
        int segment = (int) Math.min(Integer.MAX_VALUE, headerSize + header[1] + header[0]);
        if (!startsWith(bytes, segment, SEGMENT)) {
            return segment + SEGMENT.length > bytes.length;
        }
        long[] segmentSize = readSize(bytes, segment + SEGMENT.length);
        if (segmentSize == null) {
            return true;
        }
        return segmentSize[0] >= 0 && segment + SEGMENT.length + segmentSize[1] + segmentSize[0] > bytes.length;
    }

    /**
     * Reads an EBML variable-size integer at {@code offset}: {value (-1 when "unknown"), encoded length}, or
     * null when the file ends inside it or it is malformed.
     */
    private static long @Nullable [] readSize(byte[] bytes, int offset) {
        if (offset >= bytes.length) {
            return null;
        }
        int first = bytes[offset] & 0xFF;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || offset + length > bytes.length) {
            return null;
        }
        long value = first & (0xFF >> length);
        boolean allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++) {
            int next = bytes[offset + i] & 0xFF;
            value = (value << 8) | next;
            allOnes &= next == 0xFF;
        }
        return new long[] {allOnes ? -1 : value, length};
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
