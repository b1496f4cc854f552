package dev.glimpse.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.testsupport.TestImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** Files crafted to crash, exhaust or fool the inspector: each is refused with a reason, or accepted safely. */
class HostileImagesTest {

    private final ImageInspector inspector =
            new ImageInspector(new ImageLimits(DataSize.ofMegabytes(5).toBytes(), 50));

    @ParameterizedTest
    @CsvSource({
        "png, 10", "png, 50", "png, 90",
        "jpg, 10", "jpg, 50", "jpg, 90",
        "gif, 10", "gif, 50", "gif, 90",
        "webp, 10", "webp, 50", "webp, 90"
    })
    void truncatedImagesOfEveryFormatAreRefused(String format, int percent) {
        byte[] whole = HostileFiles.image(format);
        byte[] truncated = Arrays.copyOf(whole, whole.length * percent / 100);

        // a few bytes of a tiny WebP no longer look like WebP at all: refused as unrecognisable instead
        assertThatThrownBy(() -> inspector.inspect(truncated))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageMatching("is damaged.*|is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image.*");
    }

    @Test
    void wholeImagesOfEveryFormatAreAccepted() {
        for (String format : new String[] {"png", "jpg", "gif", "webp"}) {
            assertThat(inspector.inspect(HostileFiles.image(format)).width()).isPositive();
        }
    }

    @Test
    void htmlNamedPngIsRefusedByItsContent() {
        assertThatThrownBy(() -> inspector.inspect(HostileFiles.HTML))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("HTML");
    }

    @Test
    void svgWithAScriptIsRefused() {
        assertThatThrownBy(() -> inspector.inspect(HostileFiles.SVG_WITH_SCRIPT))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("SVG");
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderWithoutAllocatingPixels() {
        byte[] bomb = HostileFiles.pngBomb(50_000, 50_000);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long peak = before;

        assertThatThrownBy(() -> inspector.inspect(bomb))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessage("is too large: 50000 × 50000 is 2500.0 megapixels, the limit is 50");
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());

        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(
                "PNG bomb 50000×50000: heap before %d MB, right after %d MB, after GC %d MB%n",
                before >> 20, peak >> 20, after >> 20);
        assertThat(peak - before).isLessThan(50L << 20);
        assertThat(after - before).isLessThan(50L << 20);
    }

    @Test
    void gifWithAHugeLogicalScreenIsRefusedFromItsHeader() {
        byte[] gif = HostileFiles.gifWithLogicalScreen(HostileFiles.image("gif"), 60_000, 60_000);

        assertThatThrownBy(() -> inspector.inspect(gif))
                .isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("is too large: 60000 × 60000");
    }

    @Test
    void jpegZipPolyglotIsAcceptedAsTheJpegItIs() {
        byte[] polyglot = HostileFiles.jpegZipPolyglot();

        InspectedImage image = inspector.inspect(polyglot);

        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void jpegZipPolyglotIsStoredWithoutTheArchive() {
        byte[] jpeg = TestImages.jpeg(120, 80, 14);

        byte[] stored = MetadataPolicy.apply(ImageFormat.JPEG, HostileFiles.jpegZipPolyglot());

        assertThat(stored).isEqualTo(MetadataPolicy.apply(ImageFormat.JPEG, jpeg));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PK\u0003\u0004");
    }

    @Test
    void pngWithAnAppendedArchiveIsStoredWithoutIt() {
        byte[] png = TestImages.png(40, 30, 16);
        byte[] polyglot = java.nio.ByteBuffer.allocate(png.length + HostileFiles.zip().length)
                .put(png)
                .put(HostileFiles.zip())
                .array();

        assertThat(MetadataPolicy.apply(ImageFormat.PNG, polyglot)).isEqualTo(png);
    }

    @Test
    void pngWithTextChunksIsAccepted() {
        InspectedImage image = inspector.inspect(HostileFiles.pngWithTextChunks());

        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    }
}
