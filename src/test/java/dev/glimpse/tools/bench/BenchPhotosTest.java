package dev.glimpse.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.imaging.ImageFormat;
import dev.glimpse.imaging.ImageInspector;
import dev.glimpse.imaging.ImageLimits;
import dev.glimpse.imaging.InspectedImage;
import dev.glimpse.imaging.MetadataPolicy;
import dev.glimpse.ingest.IngestService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import benchmark's photos are what the import sees as distinct, acceptable images: copies of one original stay
 * valid and keep distinct content hashes after the metadata policy (else the benchmark would measure duplicates).
 */
class BenchPhotosTest {

    private static final ImageInspector INSPECTOR = new ImageInspector(new ImageLimits(64L << 20, 100));

    @TempDir
    Path scratch;

    @Test
    void jpegCopiesDecodeAndStayDistinctAfterTheMetadataPolicy() throws Exception {
        BufferedImage picture = BenchImages.image(320, 240, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        Set<String> hashes = new HashSet<>();
        for (int n : List.of(0, 1, 249, 250, 251, 62_499)) {
            byte[] copy = BenchPhotos.jpegCopy(out.toByteArray(), n);
            InspectedImage inspected = INSPECTOR.inspect(copy);
            assertThat(inspected.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(inspected.uprightWidth()).isEqualTo(320);
            hashes.add(IngestService.sha256(MetadataPolicy.apply(ImageFormat.JPEG, copy)));
        }
        assertThat(hashes).hasSize(6);
    }

    @Test
    void heicCopiesDecodeAndStayDistinctAfterTheMetadataPolicy() throws Exception {
        List<byte[]> heics = BenchPhotos.heicsIn(Path.of("src/test/resources/imaging/heif"));
        byte[] dated = heics.stream()
                .filter(heic ->
                        new String(heic, java.nio.charset.StandardCharsets.ISO_8859_1).contains("2024:07:14 18:03:00"))
                .findFirst()
                .orElseThrow();
        Set<String> hashes = new HashSet<>();
        for (int n : List.of(0, 1, 27, 28, 672, 40_320)) {
            byte[] copy = BenchPhotos.heicCopy(dated, n);
            assertThat(INSPECTOR.inspect(copy).format()).isEqualTo(ImageFormat.HEIF);
            hashes.add(IngestService.sha256(MetadataPolicy.apply(ImageFormat.HEIF, copy)));
        }
        assertThat(hashes).hasSize(6);
    }

    @Test
    void aFolderHoldsTheCountOfDistinctAcceptedPhotosOfEveryKind() throws Exception {
        BenchPhotos photos = new BenchPhotos(3, BenchPhotos.heicsIn(Path.of("src/test/resources/imaging/heif")));
        long bytes = photos.write(scratch, 20, new Random(3));
        Set<String> hashes = new HashSet<>();
        Set<String> extensions = new HashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(scratch)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            InspectedImage inspected = INSPECTOR.inspect(content);
            hashes.add(IngestService.sha256(MetadataPolicy.apply(inspected.format(), content)));
            String name = file.getFileName().toString();
            extensions.add(name.substring(name.lastIndexOf('.')));
        }
        System.out.printf("20 bench photos: %.1f MB, %s%n", bytes / 1e6, extensions);
        assertThat(files).hasSize(20);
        assertThat(hashes).hasSize(20);
        assertThat(extensions).contains(".jpg", ".png");
        assertThat(bytes / 20).isBetween(500_000L, 8_000_000L);
    }
}
