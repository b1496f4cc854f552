package dev.glimpse.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When, with what and where: read from EXIF and XMP, and a GPS position named offline (GeoNames). */
class CaptureFactsTest {

    /** EXIF 2.31's OffsetTimeOriginal, which commons-imaging names no constant for. */
    static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private static Places places;

    @BeforeAll
    static void loadPlaces() {
        long start = System.nanoTime();
        places = Places.load();
        System.out.printf("place table loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void closePlaces() throws IOException {
        places.close();
    }

    @Test
    void anIphonePhotoSaysWhenWithWhatAndWhere() throws IOException {
        byte[] jpeg = photo("2024:07:14 18:03:00", "+01:00", "Apple", "iPhone 13", 38.7139, -9.1394);

        CaptureFacts facts = CaptureFactsReader.read(ImageFormat.JPEG, jpeg);

        assertThat(facts.takenAt()).isEqualTo(LocalDateTime.of(2024, 7, 14, 18, 3));
        assertThat(facts.offset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(facts.source()).isEqualTo(CaptureFacts.TakenAtSource.EXIF);
        assertThat(facts.camera()).isEqualTo("Apple iPhone 13");
        assertThat(facts.position()).isNotNull();
        assertThat(places.nearest(facts.position())).hasValueSatisfying(place -> {
            assertThat(place.city()).isEqualTo("Lisbon");
            assertThat(place.country()).isEqualTo("Portugal");
            assertThat(place.cityAndCountry()).isEqualTo("Lisbon, Portugal");
        });
    }

    @Test
    void aModelNamedWithItsMakeIsNotRepeated() throws IOException {
        byte[] jpeg = photo("2023:01:02 03:04:05", null, "Canon", "Canon EOS R5", null, null);

        CaptureFacts facts = CaptureFactsReader.read(ImageFormat.JPEG, jpeg);

        assertThat(facts.camera()).isEqualTo("Canon EOS R5");
        assertThat(facts.offset()).isNull();
        assertThat(facts.position()).isNull();
    }

    @Test
    void withoutExifDatesTheXmpCreateDateIsUsed() throws IOException {
        String xmp =
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreateDate=\"2021-05-06T07:08:09+02:00\"/>"
                        + "</rdf:RDF></x:xmpmeta>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(PhotoVariantsTest.jpeg(64, 48), out, xmp);

        CaptureFacts facts = CaptureFactsReader.read(ImageFormat.JPEG, out.toByteArray());

        assertThat(facts.takenAt()).isEqualTo(LocalDateTime.of(2021, 5, 6, 7, 8, 9));
        assertThat(facts.offset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(facts.source()).isEqualTo(CaptureFacts.TakenAtSource.XMP);
    }

    @Test
    void aPhotoWithoutMetadataSaysNothing() throws IOException {
        CaptureFacts facts = CaptureFactsReader.read(ImageFormat.JPEG, PhotoVariantsTest.jpeg(64, 48));

        assertThat(facts).isEqualTo(CaptureFacts.NONE);
    }

    @Test
    void placesAreNamedWithRegionAndEnglishCountryAndNotInTheMiddleOfTheOcean() {
        assertThat(places.nearest(new CaptureFacts.GeoPoint(48.853, 2.3499))).hasValueSatisfying(place -> {
            assertThat(place.city()).isEqualTo("Paris");
            assertThat(place.region()).isEqualTo("Île-de-France");
            assertThat(place.country()).isEqualTo("France");
        });
        assertThat(places.nearest(new CaptureFacts.GeoPoint(35.6586, 139.7454)))
                .hasValueSatisfying(place -> assertThat(place.country()).isEqualTo("Japan"));
        assertThat(places.nearest(new CaptureFacts.GeoPoint(-30.0, -140.0))).isEmpty();
    }

    /** A JPEG with EXIF date (and offset), make, model and GPS position where given. */
    static byte[] photo(String taken, String offset, String make, String model, Double latitude, Double longitude)
            throws IOException {
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, make);
        root.add(TiffTagConstants.TIFF_TAG_MODEL, model);
        TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
        exifDirectory.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, taken);
        if (offset != null) {
            exifDirectory.add(OFFSET_TIME_ORIGINAL, offset);
        }
        if (latitude != null) {
            exif.setGpsInDegrees(longitude, latitude);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(PhotoVariantsTest.jpeg(64, 48), out, exif);
        return out.toByteArray();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
