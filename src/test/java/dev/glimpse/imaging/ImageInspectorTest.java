package dev.glimpse.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class ImageInspectorTest {

    private final ImageInspector inspector =
            new ImageInspector(new ImageLimits(DataSize.ofMegabytes(5).toBytes(), 50));

    @ParameterizedTest
    @CsvSource({"tiny-16px.png, PNG", "tiny-16px.jpg, JPEG", "tiny-16px.webp, WEBP", "tiny-16px.gif, GIF"})
    void acceptsEachSupportedFormatByItsBytes(String file, ImageFormat format) throws Exception {
        InspectedImage image = inspector.inspect(Files.readAllBytes(Fixtures.media(file)));

        assertThat(image.format()).isEqualTo(format);
        assertThat(image.width()).isEqualTo(16);
        assertThat(image.height()).isEqualTo(16);
        assertThat(image.pixels().getWidth()).isEqualTo(16);
    }

    @Test
    void refusesTextNamedPngByItsContent() throws Exception {
        assertThatThrownBy(() -> inspector.inspect(Files.readAllBytes(Fixtures.media("bad-text-named.png"))))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessage("is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image (its content is plain text)");
    }

    @Test
    void refusesSvgDrawings() throws Exception {
        assertThatThrownBy(() -> inspector.inspect(Files.readAllBytes(Fixtures.media("bad-image.svg"))))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("SVG");
    }

    @Test
    void refusesEmptyFiles() {
        assertThatThrownBy(() -> inspector.inspect(new byte[0])).hasMessage("is empty");
    }

    @Test
    void refusesRandomBytes() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThatThrownBy(() -> inspector.inspect(noise))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image");
    }

    @Test
    void refusesFilesOverTheSizeLimitBeforeLookingAtThem() {
        byte[] big = new byte[(int) DataSize.ofMegabytes(5).toBytes() + 1];
        assertThatThrownBy(() -> inspector.inspect(big)).hasMessage("is larger than the limit of 5 MB");
    }

    @Test
    void refusesSixtyMegapixelsFromTheHeaderAlone() {
        byte[] header = TestImages.pngHeaderOnly(8000, 7500);
        assertThatThrownBy(() -> inspector.inspect(header))
                .hasMessage("is too large: 8000 × 7500 is 60.0 megapixels, the limit is 50");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 50, 90})
    void refusesTruncatedImages(int percent) {
        for (byte[] whole : new byte[][] {TestImages.png(200, 150, 1), TestImages.jpeg(200, 150, 2)}) {
            byte[] truncated = Arrays.copyOf(whole, whole.length * percent / 100);
            assertThatThrownBy(() -> inspector.inspect(truncated))
                    .isInstanceOf(ImageRefusedException.class)
                    .hasMessageContaining("damaged");
        }
    }
}
