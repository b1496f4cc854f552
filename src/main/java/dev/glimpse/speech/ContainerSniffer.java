package dev.glimpse.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises the first bytes of the audio containers Glimpse accepts, only to tell a damaged recording
 * ("The recording is damaged") from something that is no recording at all ("not an audio file").
 */
final class ContainerSniffer {

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] OGG = ascii("OggS");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WAVE = ascii("WAVE");
    private static final byte[] ID3 = ascii("ID3");
    private static final byte[] FLAC = ascii("fLaC");
    private static final byte[] FTYP = ascii("ftyp");

    private ContainerSniffer() {}

    static boolean looksLikeAudioContainer(byte[] bytes) {
        return startsWith(bytes, 0, EBML)
                || startsWith(bytes, 0, OGG)
                || (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WAVE))
                || startsWith(bytes, 0, ID3)
                || startsWith(bytes, 0, FLAC)
                || startsWith(bytes, 4, FTYP);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
