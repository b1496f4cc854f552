package dev.glimpse.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeifDecoderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"single-rotated.heic", "grid-cropped-rotated.heic", "rotated.avif", "alpha.heic", "alpha.avif"})
    void decodesLikeTheReferenceDecoder(String name) {
        BufferedImage expected = HeifFixtures.reference(name);

        DecodedHeif decoded = HeifDecoder.decode(HeifFixtures.file(name), 4096);

        HeifFixtures.Difference difference = HeifFixtures.Difference.between(decoded.pixels(), expected);
        System.out.printf(
                "%s: %d × %d, mean difference %.2f, max %d%n",
                name, decoded.width(), decoded.height(), difference.mean(), difference.max());
        assertThat(decoded.pixels().getWidth()).isEqualTo(expected.getWidth());
        assertThat(decoded.pixels().getHeight()).isEqualTo(expected.getHeight());
        assertThat(difference.mean()).isLessThan(2.5);
        assertThat(difference.max()).isLessThanOrEqualTo(20);
    }

    @Test
    void probeReadsTheShownSizeAlphaAndExifWithoutDecoding() {
        HeifInfo grid = HeifDecoder.probe(HeifFixtures.file("grid-cropped-rotated.heic"));
        HeifInfo alpha = HeifDecoder.probe(HeifFixtures.file("alpha.avif"));

        // 3 × 2 tiles of 128 pixels (384 × 256) cropped to 360 × 240, then turned a quarter
        assertThat(grid.format()).isEqualTo(HeifFormat.HEIC);
        assertThat(grid.width()).isEqualTo(240);
        assertThat(grid.height()).isEqualTo(360);
        assertThat(grid.hasAlpha()).isFalse();
        assertThat(grid.exif()).startsWith('M', 'M', 0, 42);
        assertThat(alpha.format()).isEqualTo(HeifFormat.AVIF);
        assertThat(alpha.hasAlpha()).isTrue();
        assertThat(alpha.exif()).isNull();
    }

    @Test
    void rotationFromTheContainerIsApplied() {
        // coded 240 × 160 with a red disc around (60, 40); irot 1 turns it a quarter anticlockwise
        DecodedHeif decoded = HeifDecoder.decode(HeifFixtures.file("single-rotated.heic"), 4096);

        assertThat(decoded.width()).isEqualTo(160);
        assertThat(decoded.height()).isEqualTo(240);
        Color disc = new Color(decoded.pixels().getRGB(40, 240 - 1 - 60));
        Color oppositeCorner = new Color(decoded.pixels().getRGB(160 - 1 - 40, 60));
        System.out.printf("disc %s, opposite corner %s%n", disc, oppositeCorner);
        assertThat(disc.getRed()).isGreaterThan(230);
        assertThat(disc.getGreen()).isLessThan(30);
        assertThat(oppositeCorner.getRed()).isLessThan(230);
    }

    @Test
    void aGridIsCroppedToItsOutputSizeAndScaledToTheLongestSide() {
        byte[] file = HeifFixtures.file("grid-cropped-rotated.heic");
        BufferedImage reference = HeifFixtures.reference("grid-cropped-rotated.heic");

        DecodedHeif decoded = HeifDecoder.decode(file, 120);

        assertThat(decoded.width()).isEqualTo(240);
        assertThat(decoded.height()).isEqualTo(360);
        assertThat(decoded.pixels().getWidth()).isEqualTo(80);
        assertThat(decoded.pixels().getHeight()).isEqualTo(120);
        HeifFixtures.Difference difference =
                HeifFixtures.Difference.between(decoded.pixels(), areaScaled(reference, 80, 120));
        System.out.printf("scaled grid: mean difference %.2f, max %d%n", difference.mean(), difference.max());
        assertThat(difference.mean()).isLessThan(2.5);
        assertThat(difference.max()).isLessThanOrEqualTo(24);
    }

    @Test
    void alphaIsKept() {
        DecodedHeif decoded = HeifDecoder.decode(HeifFixtures.file("alpha.heic"), 4096);

        assertThat(decoded.pixels().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        int leftAlpha = decoded.pixels().getRGB(0, 10) >>> 24;
        int rightAlpha = decoded.pixels().getRGB(159, 10) >>> 24;
        System.out.printf("alpha at the left %d, at the right %d%n", leftAlpha, rightAlpha);
        assertThat(leftAlpha).isLessThan(20);
        assertThat(rightAlpha).isEqualTo(255);
    }

    @Test
    void decodesOnSeveralThreadsAtOnceAlike() throws Exception {
        byte[] grid = HeifFixtures.file("grid-cropped-rotated.heic");
        byte[] avif = HeifFixtures.file("alpha.avif");
        BufferedImage gridAlone = HeifDecoder.decode(grid, 4096).pixels();
        BufferedImage avifAlone = HeifDecoder.decode(avif, 4096).pixels();
        List<Future<int[]>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 16; i++) {
                byte[] file = i % 2 == 0 ? grid : avif;
                results.add(threads.submit(() -> {
                    BufferedImage image = HeifDecoder.decode(file, 4096).pixels();
                    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                }));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            BufferedImage alone = i % 2 == 0 ? gridAlone : avifAlone;
            assertThat(results.get(i).get())
                    .isEqualTo(alone.getRGB(0, 0, alone.getWidth(), alone.getHeight(), null, 0, alone.getWidth()));
        }
    }

    private static BufferedImage areaScaled(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.drawImage(image.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        graphics.dispose();
        return scaled;
    }
}
