package dev.glimpse.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
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
}
