package dev.glimpse.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Photos as phones, cameras and print workflows write them, decoded to the same pixels as other decoders give: each
 * fixture in {@code src/test/resources/photos} has a reference decode recorded by {@code record-fixtures.sh}
 * (ImageMagick with LittleCMS, libjpeg-turbo, libwebp).
 */
class PhotoVariantsTest {

    /** Mean difference per channel (0–255) allowed against the reference: JPEG loss and colour-engine rounding. */
    private static final double TOLERANCE = 6;

    private final ImageInspector inspector = new ImageInspector(new ImageLimits(50L << 20, 100));

    @ParameterizedTest
    @ValueSource(strings = {"cmyk-adobe-inverted", "ycck-no-profile", "ycck-icc"})
    void cmykAndYcckJpegsDecodeWithTheColoursOfAReferenceDecoder(String name) {
        InspectedImage image = inspector.inspect(fixture(name + ".jpg"));

        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
        double difference = meanDifference(image.pixels(), reference(name + ".ref.png"));
        System.out.printf(Locale.ROOT, "%s: mean difference %.2f per channel%n", name, difference);
        assertThat(difference).isLessThan(TOLERANCE);
    }

    @Test
    void anArithmeticCodedJpegIsRefusedForWhatItIsNotAsDamaged() {
        assertThatThrownBy(() -> inspector.inspect(fixture("arithmetic.jpg")))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessage("is a JPEG that uses arithmetic coding, which Glimpse cannot read");
    }

    @Test
    void aTruncatedCmykJpegIsStillDamagedAndTheDecodersWordsAreNotShown() {
        byte[] whole = fixture("ycck-no-profile.jpg");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);

        assertThatThrownBy(() -> inspector.inspect(truncated))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessage("is damaged or incomplete and cannot be read as JPEG");
    }

    /** The first frame covers part of the canvas at an offset: decoders hand out the frame alone. */
    @Test
    void anAnimatedWebpGivesItsFirstFrameFullyComposed() {
        InspectedImage image = inspector.inspect(fixture("animated.webp"));

        assertThat(image.width()).isEqualTo(96);
        assertThat(image.height()).isEqualTo(64);
        double difference = meanDifference(image.pixels(), reference("animated-webp.ref.png"));
        System.out.printf(Locale.ROOT, "animated WebP: mean difference %.2f per channel%n", difference);
        assertThat(difference).isLessThan(TOLERANCE);
    }

    @Test
    void anAnimatedGifGivesItsFirstFrameAtItsOffsetOnTheLogicalScreen() {
        InspectedImage image = inspector.inspect(fixture("animated.gif"));

        assertThat(image.width()).isEqualTo(96);
        assertThat(image.height()).isEqualTo(64);
        BufferedImage reference = reference("animated-gif.ref.png");
        assertThat(image.pixels().getWidth()).isEqualTo(96);
        assertThat(image.pixels().getRGB(35, 25)).isEqualTo(reference.getRGB(35, 25)); // inside the first frame
        // outside the first frame: transparent, as browsers draw it (ImageMagick fills its GIF background colour)
        assertThat(image.pixels().getRGB(5, 5) >>> 24).isZero();
        assertThat(image.pixels().getRGB(90, 60) >>> 24).isZero();
    }

    @Test
    void aGreyAndAlphaPngKeepsItsGreyInTheThumbnail() throws IOException {
        InspectedImage image = inspector.inspect(fixture("gray-alpha.png"));

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(Thumbnails.jpeg(image.pixels(), 1, 32)));
        int grey = thumbnail.getRGB(16, 16) & 0xFF;
        System.out.println("grey+alpha 147 in the thumbnail: " + grey);
        assertThat(grey).isBetween(145, 149);
    }

    @Test
    void aPortraitPhotoStoredSidewaysReportsItsUprightDimensions() throws IOException {
        byte[] jpeg = withOrientation(jpeg(160, 120), 6);

        InspectedImage image = inspector.inspect(jpeg);

        assertThat(image.orientation()).isEqualTo(6);
        assertThat(image.uprightWidth()).isEqualTo(120);
        assertThat(image.uprightHeight()).isEqualTo(160);
        assertThat(image.uprightPixels().getWidth()).isEqualTo(120);
    }

    @Test
    void aLargePhotoIsDecodedSubsampledToTheWorkingSize() throws IOException {
        InspectedImage image = inspector.inspect(jpeg(4000, 3000));

        assertThat(image.width()).isEqualTo(4000);
        assertThat(image.pixels().getWidth()).isBetween(ImageDecoders.WORKING_SIDE, 2 * ImageDecoders.WORKING_SIDE);
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, x * 255 / width << 16 | y * 255 / height << 8 | 90);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] withOrientation(byte[] jpeg, int orientation) throws IOException {
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    /** Mean difference per channel (alpha included) over the pixels where either image is not fully transparent. */
    static double meanDifference(BufferedImage actual, BufferedImage reference) {
        assertThat(actual.getWidth()).isEqualTo(reference.getWidth());
        assertThat(actual.getHeight()).isEqualTo(reference.getHeight());
        long total = 0;
        long channels = 0;
        for (int y = 0; y < reference.getHeight(); y++) {
            for (int x = 0; x < reference.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int b = reference.getRGB(x, y);
                if ((a >>> 24) == 0 && (b >>> 24) == 0) {
                    continue;
                }
                for (int shift = 0; shift <= 24; shift += 8) {
                    total += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                    channels++;
                }
            }
        }
        return channels == 0 ? 0 : (double) total / channels;
    }

    static byte[] fixture(String name) {
        try (InputStream input = PhotoVariantsTest.class.getResourceAsStream("/photos/" + name)) {
            if (input == null) {
                throw new IllegalStateException("Missing fixture " + name);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage reference(String name) {
        try {
            return ImageIO.read(new ByteArrayInputStream(fixture(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
