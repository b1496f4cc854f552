package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.imaging.ImageLimits;
import dev.glimpse.testsupport.TestImages;
import org.junit.jupiter.api.Test;

/** Examples are checked like uploads: the limits are the upload's, the formats the ones the library accepts. */
class ImageDecodingTest {

    @Test
    void anImageWithinTheLimitsIsDecodedWithItsFormat() {
        ImageDecoding.Decoded decoded = UploadLimits.DECODING.decode(TestImages.png(64, 48, 1));

        assertThat(decoded.format()).isEqualTo("png");
        assertThat(decoded.image().getWidth()).isEqualTo(64);
        assertThat(decoded.image().getHeight()).isEqualTo(48);
    }

    @Test
    void anImageOverTheUploadMegapixelLimitIsNoExample() {
        ImageDecoding oneMegapixel = new ImageDecoding(new ImageLimits(5L * 1024 * 1024, 1));

        assertThatThrownBy(() -> oneMegapixel.decode(TestImages.pngHeaderOnly(2000, 1000)))
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("2.0 megapixels, the limit is 1");
    }

    @Test
    void contentThatIsNoAcceptedImageIsNoExample() {
        assertThatThrownBy(() -> UploadLimits.DECODING.decode("<html></html>".getBytes()))
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("not an image");
    }
}
