package dev.glimpse.imaging.heif;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HEIF family of image formats, recognised by the brands of the file's {@code ftyp} box: HEIC (HEVC-coded,
 * what iPhones write), AVIF (AV1-coded) and HEIF (the generic {@code mif1}/{@code msf1} brands).
 */
public enum HeifFormat {
    HEIC("image/heic", "heic", Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs")),
    AVIF("image/avif", "avif", Set.of("avif", "avis")),
    HEIF("image/heif", "heif", Set.of("mif1", "msf1", "mif2"));

    /** The most bytes of a file's start that {@link #of(byte[])} looks at. */
    public static final int HEADER_BYTES = 256;

    private final String mimeType;
    private final String extension;
    private final Set<String> brands;

    HeifFormat(String mimeType, String extension, Set<String> brands) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.brands = brands;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format of a file starting with {@code header} (its first bytes; {@value #HEADER_BYTES} are plenty), from
     * its major brand when it names a codec, else its compatible brands (AVIF before HEIC before the generic HEIF
     * brands {@code mif1}, {@code msf1}).
     */
    public static Optional<HeifFormat> of(byte[] header) {
        if (header.length < 16 || !new String(header, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return Optional.empty();
        }
        long size = Boxes.u32(header, 0);
        if (size < 16 || size > 4096) {
            return Optional.empty();
        }
        int end = (int) Math.min(size, header.length);
        Set<String> brands = new LinkedHashSet<>();
        brands.add(Boxes.fourCc(header, 8));
        for (int position = 16; position + 4 <= end; position += 4) {
            brands.add(Boxes.fourCc(header, position));
        }
        String major = Boxes.fourCc(header, 8);
        for (HeifFormat format : List.of(HEIC, AVIF)) {
            if (format.brands.contains(major)) {
                return Optional.of(format);
            }
        }
        for (HeifFormat format : List.of(AVIF, HEIC, HEIF)) {
            if (brands.stream().anyMatch(format.brands::contains)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
