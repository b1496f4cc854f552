package dev.glimpse.imaging;

import static dev.glimpse.imaging.ImageStructure.field;
import static dev.glimpse.imaging.ImageStructure.latin1;
import static dev.glimpse.imaging.ImageStructure.pixels;
import static dev.glimpse.imaging.MetadataFiles.HIDDEN;
import static dev.glimpse.imaging.MetadataFiles.ICC;
import static dev.glimpse.imaging.MetadataFiles.MAKE;
import static dev.glimpse.imaging.MetadataFiles.MODEL;
import static dev.glimpse.imaging.MetadataFiles.TAKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;

/**
 * The metadata policy, checked on the bytes it produces: pixels untouched, EXIF date, camera and orientation and the
 * ICC profile kept, everything else (GPS, comments, XMP, text chunks, private data, appended archives) gone.
 */
class MetadataPolicyTest {

    @Test
    void jpegKeepsPixelsExifDateCameraOrientationAndIccButNothingHidden() throws Exception {
        byte[] plain = TestImages.jpeg(120, 80, 3);
        byte[] loaded = MetadataFiles.jpeg(plain);
        assertThat(ImageStructure.jpegSegments(loaded))
                .contains("COM", "APP11 SECRET-PRIVATE", "APP13 Photoshop 3.0", "APP1 http://ns.adobe.com/xap/1.0/");

        byte[] stored = MetadataPolicy.apply(ImageFormat.JPEG, loaded);

        System.out.printf(
                "JPEG: %d bytes uploaded, %d stored; segments kept: %s%n",
                loaded.length, stored.length, ImageStructure.jpegSegments(stored));
        assertThat(ImageStructure.jpegSegments(stored))
                .containsExactly(
                        "APP0 JFIF",
                        "APP1 Exif",
                        "APP2 ICC_PROFILE",
                        "DQT",
                        "DQT",
                        "SOF",
                        "DHT",
                        "DHT",
                        "DHT",
                        "DHT",
                        "SOS");
        assertThat(ImageStructure.scans(stored)).isEqualTo(ImageStructure.scans(plain));
        assertThat(pixels(stored)).isEqualTo(pixels(plain));
        assertThat(Imaging.getIccProfileBytes(stored)).isEqualTo(ICC);
        TiffImageMetadata exif = ImageStructure.exifOf(stored);
        assertThat(exif.getGpsInfo()).isNull();
        assertThat(field(exif, TiffTagConstants.TIFF_TAG_MAKE)).isEqualTo(MAKE);
        assertThat(field(exif, TiffTagConstants.TIFF_TAG_MODEL)).isEqualTo(MODEL);
        assertThat(field(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL)).isEqualTo(TAKEN);
        assertThat(Orientation.of(ImageFormat.JPEG, stored)).isEqualTo(MetadataFiles.ORIENTATION);
        assertThat(latin1(stored)).doesNotContain(HIDDEN);
    }

    @Test
    void commentHiddenBetweenTheScansOfAProgressiveJpegIsDropped() {
        BufferedImage picture = TestImages.picture(64, 48, 7);
        byte[] loaded = MetadataFiles.progressiveJpegWithCommentBetweenScans(picture);
        assertThat(latin1(loaded)).contains("SECRET-JPEG-COMMENT");

        byte[] stored = MetadataPolicy.apply(ImageFormat.JPEG, loaded);

        assertThat(latin1(stored)).doesNotContain(HIDDEN);
        assertThat(pixels(stored)).isEqualTo(pixels(loaded));
    }

    @Test
    void jpegWithoutAnythingToDropStaysByteForByte() {
        byte[] plain = TestImages.jpeg(90, 60, 8);

        assertThat(MetadataPolicy.apply(ImageFormat.JPEG, plain)).isEqualTo(plain);
    }

    @Test
    void jpegLosesItsGpsButKeepsOrientationAndPixels() throws Exception {
        byte[] original = MetadataFiles.jpeg(TestImages.jpeg(120, 80, 3));
        assertThat(ImageStructure.exifOf(original).getGpsInfo()).isNotNull();

        byte[] stored = MetadataPolicy.apply(ImageFormat.JPEG, original);

        assertThat(ImageStructure.exifOf(stored).getGpsInfo()).isNull();
        assertThat(Orientation.of(ImageFormat.JPEG, stored)).isEqualTo(6);
        assertThat(pixels(stored)).isEqualTo(pixels(original));
    }

    @Test
    void pngKeepsItsPictureChunksIccTimeAndCleanedExifOnly() throws Exception {
        byte[] plain = TestImages.png(40, 30, 4);
        byte[] loaded = MetadataFiles.png(plain);

        byte[] stored = MetadataPolicy.apply(ImageFormat.PNG, loaded);

        System.out.printf(
                "PNG: %d bytes uploaded, %d stored; chunks kept: %s%n",
                loaded.length, stored.length, ImageStructure.pngChunks(stored));
        assertThat(ImageStructure.pngChunks(stored)).containsExactly("IHDR", "iCCP", "tIME", "eXIf", "IDAT", "IEND");
        assertThat(ImageStructure.pngChunk(stored, "IDAT")).isEqualTo(ImageStructure.pngChunk(plain, "IDAT"));
        assertThat(ImageStructure.pngChunk(stored, "iCCP")).isEqualTo(ImageStructure.pngChunk(loaded, "iCCP"));
        assertThat(pixels(stored)).isEqualTo(pixels(plain));
        TiffImageMetadata exif = ImageStructure.exifOf(ImageStructure.pngChunk(stored, "eXIf"));
        assertThat(field(exif, TiffTagConstants.TIFF_TAG_MAKE)).isEqualTo(MAKE);
        assertThat(field(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL)).isEqualTo(TAKEN);
        assertThat(latin1(stored)).doesNotContain("GPS").doesNotContain(HIDDEN);
        assertThat(ImageStructure.exifOf(ImageStructure.pngChunk(stored, "eXIf"))
                        .getGpsInfo())
                .isNull();
    }

    @Test
    void pngWithAnExifChunkThatCannotBeReadLosesIt() {
        byte[] png = TestImages.png(40, 30, 4);
        int iend = png.length - 12;
        byte[] withExif = java.nio.ByteBuffer.allocate(png.length + 19)
                .put(png, 0, iend)
                .put(TestImages.chunk("eXIf", "MM\0*GPS".getBytes(StandardCharsets.ISO_8859_1)))
                .put(png, iend, 12)
                .array();

        assertThat(MetadataPolicy.apply(ImageFormat.PNG, withExif)).isEqualTo(png);
    }

    @Test
    void webpKeepsItsPictureAndCleanedExifButNoXmpUnknownChunksOrTrailingBytes() throws Exception {
        byte[] simple = HostileFiles.fixture("tiny-16px.webp");
        byte[] loaded = MetadataFiles.webp(simple, true);
        assertThat(ImageStructure.webpChunk(loaded, "VP8X")[0] & 0x0C).isEqualTo(0x0C);

        byte[] stored = MetadataPolicy.apply(ImageFormat.WEBP, loaded);

        System.out.printf(
                "WebP: %d bytes uploaded, %d stored; chunks kept: %s%n",
                loaded.length, stored.length, ImageStructure.webpChunks(stored));
        assertThat(ImageStructure.webpChunks(stored)).containsExactly("VP8X", "VP8 ", "EXIF");
        assertThat(ImageStructure.webpChunk(stored, "VP8 ")).isEqualTo(ImageStructure.webpChunk(simple, "VP8 "));
        assertThat(ImageStructure.webpChunk(stored, "VP8X")[0] & 0x0C)
                .as("EXIF flag kept, XMP flag cleared")
                .isEqualTo(0x08);
        TiffImageMetadata exif = ImageStructure.exifOf(ImageStructure.webpChunk(stored, "EXIF"));
        assertThat(field(exif, TiffTagConstants.TIFF_TAG_MODEL)).isEqualTo(MODEL);
        assertThat(exif.getGpsInfo()).isNull();
        assertThat(latin1(stored)).doesNotContain(HIDDEN);
        assertThat(pixels(stored)).isEqualTo(pixels(simple));
    }

    @Test
    void gifKeepsItsFramesAndLoopingButNoCommentsPrivateExtensionsOrTrailingBytes() {
        byte[] plain = TestImages.encode(TestImages.picture(30, 20, 9), "gif");
        byte[] loaded = MetadataFiles.gif(plain, true);
        assertThat(latin1(loaded)).contains("SECRET-GIF-COMMENT", "PK\u0003\u0004");

        byte[] stored = MetadataPolicy.apply(ImageFormat.GIF, loaded);

        assertThat(stored).isEqualTo(MetadataFiles.gif(plain, false));
        assertThat(latin1(stored)).contains("NETSCAPE2.0").doesNotContain(HIDDEN);
        assertThat(pixels(stored)).isEqualTo(pixels(plain));
    }

    @Test
    void uprightTurnsSidewaysPhotosAsViewersDo() {
        BufferedImage wide = TestImages.picture(40, 20, 5);
        BufferedImage turned = Orientation.upright(wide, 6);
        assertThat(turned.getWidth()).isEqualTo(20);
        assertThat(turned.getHeight()).isEqualTo(40);
        assertThat(turned.getRGB(19, 0)).isEqualTo(wide.getRGB(0, 0));
    }
}
