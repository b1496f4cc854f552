package dev.glimpse.imaging.heif;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeifMetadataBlankerTest {

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "grid-cropped-rotated.heic", "rotated.avif"})
    void gpsIsGoneWhileCaptureTimeCameraAndOrientationStay(String name) throws IOException {
        byte[] original = HeifFixtures.file(name);
        assertThat(exif(original).getGpsInfo()).as("GPS in the fixture").isNotNull();

        byte[] stored = HeifMetadataBlanker.withoutPrivateData(original);

        TiffImageMetadata exif = exif(stored);
        assertThat(exif.getGpsInfo()).isNull();
        assertThat(exif.getFieldValue(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL))
                .containsExactly("2024:07:14 18:03:00");
        assertThat(exif.getFieldValue(TiffTagConstants.TIFF_TAG_MAKE)).containsExactly("Glimpse Camera");
        assertThat(exif.getFieldValue(TiffTagConstants.TIFF_TAG_ORIENTATION)).isEqualTo((short) 1);
        assertThat(new String(stored, ISO_8859_1)).doesNotContain("SECRET-USER-COMMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "grid-cropped-rotated.heic", "rotated.avif", "alpha.heic"})
    void changesOnlyMetadataBytesSoThePictureStaysTheSame(String name) {
        byte[] original = HeifFixtures.file(name);

        byte[] stored = HeifMetadataBlanker.withoutPrivateData(original);

        assertThat(stored).hasSameSizeAs(original);
        HeifContainer container = HeifContainer.read(original);
        for (int i = 0; i < original.length; i++) {
            if (original[i] != stored[i]) {
                assertThat(insideMetadataItem(container, i))
                        .as("byte %d changed", i)
                        .isTrue();
            }
        }
        DecodedHeif before = HeifDecoder.decode(original, 4096);
        DecodedHeif after = HeifDecoder.decode(stored, 4096);
        assertThat(HeifFixtures.Difference.between(after.pixels(), before.pixels())
                        .max())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "rotated.avif"})
    void anXmpItemBecomesAnEmptyPacketOfTheSameLength(String name) {
        byte[] original = HeifFixtures.file(name);
        assertThat(new String(original, ISO_8859_1)).contains("exif:GPSLatitude", "SECRET-XMP");

        byte[] stored = HeifMetadataBlanker.withoutPrivateData(original);

        HeifContainer container = HeifContainer.read(stored);
        HeifItem xmp = container.items().stream()
                .filter(item -> item.contentType().equals("application/rdf+xml"))
                .findFirst()
                .orElseThrow();
        String packet = new String(container.bytes(xmp), ISO_8859_1);
        assertThat(packet).startsWith("<?xpacket begin=").endsWith("<?xpacket end=\"w\"?>");
        assertThat(packet).contains("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>");
        assertThat(new String(stored, ISO_8859_1)).doesNotContain("GPSLatitude", "SECRET-XMP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "rotated.avif"})
    void exifThatCannotBeWalkedIsEmptiedWhole(String name) throws IOException {
        byte[] damaged = HeifFixtures.file(name);
        HeifItem exifItem = HeifExif.item(HeifContainer.read(damaged)).orElseThrow();
        int ifd0Offset = exifItem.extents().getFirst().offset() + 10 + 4;
        damaged[ifd0Offset] = 0x7F; // the first directory now lies far outside the block

        byte[] stored = HeifMetadataBlanker.withoutPrivateData(damaged);

        TiffImageMetadata exif = exif(stored);
        assertThat(exif.getGpsInfo()).isNull();
        assertThat(exif.getAllFields()).isEmpty();
        assertThat(new String(stored, ISO_8859_1)).doesNotContain("SECRET-USER-COMMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a heif file at all", ""})
    void refusesWhatIsNotAHeifFile(String content) {
        assertThatThrownBy(() -> HeifMetadataBlanker.withoutPrivateData(content.getBytes(ISO_8859_1)))
                .isInstanceOf(HeifDecodingException.class)
                .hasMessage("is not a HEIC or AVIF image");
    }

    private static TiffImageMetadata exif(byte[] file) throws IOException {
        byte[] tiff = HeifDecoder.probe(file).exif();
        assertThat(tiff).as("Exif of the file").isNotNull();
        return (TiffImageMetadata) Imaging.getMetadata(tiff);
    }

    private static boolean insideMetadataItem(HeifContainer container, int position) {
        return container.items().stream()
                .filter(item -> item.type().equals("Exif") || item.type().equals("mime"))
                .flatMap(item -> item.extents().stream())
                .anyMatch(e -> position >= e.offset() && position < e.offset() + e.length());
    }
}
