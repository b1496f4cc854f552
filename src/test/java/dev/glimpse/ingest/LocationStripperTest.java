package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

class LocationStripperTest {

    @Test
    void jpegLosesItsGpsButKeepsOrientationAndPixels() throws Exception {
        byte[] original = jpegWithGpsAndOrientation(TestImages.jpeg(120, 80, 3), 6);
        assertThat(gpsOf(original)).isNotNull();

        byte[] stripped = LocationStripper.strip(ImageFormat.JPEG, original);

        assertThat(gpsOf(stripped)).isNull();
        assertThat(Orientation.of(ImageFormat.JPEG, stripped)).isEqualTo(6);
        assertThat(pixels(stripped)).isEqualTo(pixels(original));
    }

    @Test
    void pngLosesItsExifChunkAndKeepsThePicture() throws Exception {
        byte[] png = TestImages.png(40, 30, 4);
        byte[] withExif =
                insertBeforeIend(png, TestImages.chunk("eXIf", "MM\0*GPS".getBytes(StandardCharsets.ISO_8859_1)));

        byte[] stripped = LocationStripper.strip(ImageFormat.PNG, withExif);

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("eXIf");
        assertThat(stripped).isEqualTo(png);
    }

    @Test
    void uprightTurnsSidewaysPhotosAsViewersDo() {
        BufferedImage wide = TestImages.picture(40, 20, 5);
        BufferedImage turned = Orientation.upright(wide, 6);
        assertThat(turned.getWidth()).isEqualTo(20);
        assertThat(turned.getHeight()).isEqualTo(40);
        assertThat(turned.getRGB(19, 0)).isEqualTo(wide.getRGB(0, 0));
    }

    private static byte[] jpegWithGpsAndOrientation(byte[] jpeg, int orientation) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        exif.setGpsInDegrees(2.2945, 48.8584);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    private static Object gpsOf(byte[] jpeg) throws Exception {
        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(jpeg);
        return metadata == null || metadata.getExif() == null
                ? null
                : metadata.getExif().getGpsInfo();
    }

    private static int[] pixels(byte[] jpeg) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(chunk);
        out.write(png, iend, 12);
        return out.toByteArray();
    }
}
