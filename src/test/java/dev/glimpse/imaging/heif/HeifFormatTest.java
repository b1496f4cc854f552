package dev.glimpse.imaging.heif;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeifFormatTest {

    @ParameterizedTest
    @CsvSource({
        "heic, mif1 heic, HEIC",
        "heix, mif1 heix, HEIC",
        "hevc, msf1 hevc, HEIC",
        "mif1, mif1 heic, HEIC",
        "avif, mif1 miaf, AVIF",
        "avis, msf1 avis, AVIF",
        "mif1, mif1 miaf avif, AVIF",
        "mif1, mif1 miaf, HEIF",
        "msf1, msf1, HEIF"
    })
    void recognisesTheBrandsOfTheFamily(String major, String compatible, HeifFormat expected) {
        assertThat(HeifFormat.of(ftyp(major, compatible.split(" ")))).contains(expected);
        assertThat(HeifDecoder.isHeif(ftyp(major, compatible.split(" ")))).isTrue();
    }

    @Test
    void otherFilesAreNotHeif() {
        assertThat(HeifFormat.of(ftyp("isom", "isom", "mp41"))).isEmpty(); // an MP4 video
        assertThat(HeifFormat.of(ftyp("qt  ", "qt  "))).isEmpty(); // a QuickTime movie
        assertThat(HeifFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEmpty();
        assertThat(HeifFormat.of("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR".getBytes(ISO_8859_1)))
                .isEmpty();
        assertThat(HeifFormat.of(new byte[0])).isEqualTo(Optional.empty());
    }

    @Test
    void theFixturesAreRecognised() {
        assertThat(HeifFormat.of(HeifFixtures.file("grid-cropped-rotated.heic")))
                .contains(HeifFormat.HEIC);
        assertThat(HeifFormat.of(HeifFixtures.file("alpha.avif"))).contains(HeifFormat.AVIF);
        assertThat(HeifFormat.AVIF.mimeType()).isEqualTo("image/avif");
        assertThat(HeifFormat.HEIC.mimeType()).isEqualTo("image/heic");
    }

    private static byte[] ftyp(String major, String... compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        out.writeBytes(new byte[] {0, 0, 0, (byte) size});
        out.writeBytes("ftyp".getBytes(ISO_8859_1));
        out.writeBytes(major.getBytes(ISO_8859_1));
        out.writeBytes(new byte[4]);
        for (String brand : compatible) {
            out.writeBytes(brand.getBytes(ISO_8859_1));
        }
        out.writeBytes(new byte[32]);
        return out.toByteArray();
    }
}
