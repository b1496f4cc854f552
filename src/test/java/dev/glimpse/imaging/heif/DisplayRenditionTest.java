package dev.glimpse.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayRenditionTest {

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "grid-cropped-rotated.heic", "rotated.avif"})
    void isAnUprightJpegLikeTheReferenceDecode(String name) throws IOException {
        BufferedImage reference = HeifFixtures.reference(name);

        byte[] jpeg = DisplayRendition.jpeg(HeifFixtures.file(name), 4096);

        assertThat(formatOf(jpeg)).isEqualTo("JPEG");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(shown.getWidth()).isEqualTo(reference.getWidth());
        assertThat(shown.getHeight()).isEqualTo(reference.getHeight());
        HeifFixtures.Difference difference = HeifFixtures.Difference.between(shown, reference);
        System.out.printf(
                "%s as JPEG: %d bytes, mean difference %.2f, max %d%n",
                name, jpeg.length, difference.mean(), difference.max());
        assertThat(difference.mean()).isLessThan(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha.heic", "alpha.avif"})
    void transparentPartsAreShownOnWhiteAndTheLongestSideIsBounded(String name) throws IOException {
        byte[] jpeg = DisplayRendition.jpeg(HeifFixtures.file(name), 80);

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(shown.getWidth()).isEqualTo(80);
        assertThat(shown.getHeight()).isEqualTo(48);
        Color transparentCorner = new Color(shown.getRGB(0, 2));
        System.out.printf("%s: transparent corner shown as %s%n", name, transparentCorner);
        assertThat(transparentCorner.getRed()).isGreaterThan(235);
        assertThat(transparentCorner.getGreen()).isGreaterThan(235);
        assertThat(transparentCorner.getBlue()).isGreaterThan(235);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha.heic"})
    void aDamagedFileHasNoRendition(String name) {
        byte[] truncated = java.util.Arrays.copyOf(HeifFixtures.file(name), 600);

        assertThatThrownBy(() -> DisplayRendition.jpeg(truncated, 1024)).isInstanceOf(HeifDecodingException.class);
    }

    private static String formatOf(byte[] file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext())
                    .as("an ImageIO reader for the rendition")
                    .isTrue();
            return readers.next().getFormatName().toUpperCase(java.util.Locale.ROOT);
        }
    }
}
