package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.imaging.HostileFiles;
import dev.glimpse.imaging.ImageStructure;
import dev.glimpse.imaging.MetadataFiles;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hostile files sent straight to {@code POST /api/images}, without any browser check: each is refused with a reason a
 * person can read, never a 500 or a stack trace, and leaves no row and no blob behind.
 */
@Tag("integration")
@GlimpseTest
class HostileUploadsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    static Stream<Arguments> hostileFiles() {
        byte[] noise = new byte[8192];
        new Random(99).nextBytes(noise);
        Stream.Builder<Arguments> files = Stream.builder();
        files.add(Arguments.of("empty.png", new byte[0], "is empty", 422));
        files.add(Arguments.of("noise.jpg", noise, "is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image", 415));
        files.add(Arguments.of(
                "notes.png", "shopping: milk, eggs\n".getBytes(StandardCharsets.UTF_8), "plain text", 415));
        files.add(Arguments.of("page.png", HostileFiles.HTML, "HTML", 415));
        files.add(Arguments.of("drawing.png", HostileFiles.SVG_WITH_SCRIPT, "SVG", 415));
        files.add(Arguments.of("bomb.png", HostileFiles.pngBomb(50_000, 50_000), "2500.0 megapixels", 422));
        files.add(Arguments.of(
                "screen.gif",
                HostileFiles.gifWithLogicalScreen(HostileFiles.image("gif"), 60_000, 60_000),
                "is too large",
                422));
        files.add(Arguments.of("huge.jpg", TestImages.oversizedJpeg(708), "is larger than the limit of 5 MB", 413));
        for (String format : new String[] {"png", "jpg", "gif", "webp"}) {
            byte[] whole = HostileFiles.image(format);
            for (int percent : new int[] {10, 50, 90}) {
                byte[] cut = Arrays.copyOf(whole, whole.length * percent / 100);
                // damaged but still recognisable by its magic bytes: 422; a tenth of the tiny WebP is too short for
                // its RIFF/WEBP header to say WebP at all, so its type is not one accepted: 415
                boolean recognisable = !(format.equals("webp") && percent == 10);
                files.add(Arguments.of("cut-" + percent + "." + format, cut, "", recognisable ? 422 : 415));
            }
        }
        return files.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFileIsRefusedWithAReasonAndLeavesNothingBehind(String name, byte[] bytes, String reason, int status)
            throws Exception {
        long rows = images.count();
        long stored = countBlobs();
        long heapBefore = heapAfterGc();

        HttpResponse<String> response = api.upload(name, bytes);

        long growth = heapAfterGc() - heapBefore;
        assertThat(response.statusCode())
                .as("every file of the request refused")
                .isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode file = GlimpseHttp.firstFile(response);
        assertThat(file.get("status").asString()).isEqualTo("refused");
        assertThat(file.get("message").asString())
                .startsWith("\"" + name + "\" was refused: it ")
                .contains(reason);
        assertThat(images.count()).isEqualTo(rows);
        assertThat(countBlobs()).isEqualTo(stored);
        assertThat(growth).as("heap growth after GC").isLessThan(50L << 20);
    }

    @Test
    void decompressionBombSentToTheApiIsRefusedWithoutTheHeapGrowing() throws Exception {
        byte[] bomb = HostileFiles.pngBomb(50_000, 50_000);
        var memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc();
        long peak = before;

        for (int i = 0; i < 5; i++) {
            api.upload("bomb-" + i + ".png", bomb);
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        long after = heapAfterGc();
        System.out.printf(
                "API PNG bomb ×5: heap after GC %d MB before, %d MB after, highest sample %d MB%n",
                before >> 20, after >> 20, peak >> 20);
        assertThat(after - before).isLessThan(50L << 20);
    }

    @Test
    void jpegZipPolyglotIsStoredAsTheJpegWithoutTheArchive() throws Exception {
        byte[] polyglot = HostileFiles.jpegZipPolyglot();

        JsonNode file = GlimpseHttp.firstFile(api.upload("holiday.jpg", polyglot));

        assertThat(file.get("status").asString()).isIn("stored", "duplicate");
        byte[] served = api.content(file.get("id").asString());
        assertThat(served.length).isLessThan(polyglot.length - HostileFiles.zip().length + 1);
        assertThat(served[served.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(served[served.length - 1] & 0xFF).isEqualTo(0xD9);
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("PK\u0003\u0004");
    }

    @Test
    void pngWithTextChunksIsStored() throws Exception {
        JsonNode file = GlimpseHttp.firstFile(api.upload("commented.png", HostileFiles.pngWithTextChunks()));

        assertThat(file.get("status").asString()).isIn("stored", "duplicate");
    }

    static Stream<Arguments> imagesWithMetadata() {
        return Stream.of(
                Arguments.of("loaded.jpg", MetadataFiles.jpeg(TestImages.jpeg(96, 64, 720))),
                Arguments.of("loaded.png", MetadataFiles.png(TestImages.png(48, 32, 721))),
                Arguments.of("loaded.webp", MetadataFiles.webp(HostileFiles.fixture("tiny-16px.webp"), false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imagesWithMetadata")
    void storedOriginalKeepsPixelsCameraAndDateButNothingHidden(String name, byte[] loaded) throws Exception {
        JsonNode file = GlimpseHttp.firstFile(api.upload(name, loaded));
        assertThat(file.get("status").asString()).isIn("stored", "duplicate");

        byte[] served = api.content(file.get("id").asString());

        System.out.printf("%s: %d bytes uploaded, %d stored and served%n", name, loaded.length, served.length);
        assertThat(ImageStructure.latin1(served)).doesNotContain(MetadataFiles.HIDDEN);
        assertThat(ImageStructure.pixels(served)).isEqualTo(ImageStructure.pixels(loaded));
        byte[] exifBlock = switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "png" -> ImageStructure.pngChunk(served, "eXIf");
            case "webp" -> ImageStructure.webpChunk(served, "EXIF");
            default -> served;
        };
        var exif = ImageStructure.exifOf(exifBlock);
        assertThat(ImageStructure.field(exif, TiffTagConstants.TIFF_TAG_MAKE)).isEqualTo(MetadataFiles.MAKE);
        assertThat(ImageStructure.field(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL))
                .isEqualTo(MetadataFiles.TAKEN);
        assertThat(exif.getGpsInfo()).isNull();
    }

    @Test
    void samePictureWithOnlyDroppedMetadataDifferentIsADuplicate() throws Exception {
        byte[] plain = TestImages.jpeg(96, 64, 722);
        byte[] first = MetadataFiles.jpeg(plain);
        byte[] second = java.util.Arrays.copyOf(first, first.length + 3);
        second[first.length] = 'x'; // different bytes after the end of the image, which are never stored
        JsonNode stored = GlimpseHttp.firstFile(api.upload("first.jpg", first));

        JsonNode again = GlimpseHttp.firstFile(api.upload("second.jpg", second));

        assertThat(stored.get("status").asString()).isEqualTo("stored");
        assertThat(again.get("status").asString()).isEqualTo("duplicate");
        assertThat(again.get("id").asString()).isEqualTo(stored.get("id").asString());
    }

    @Test
    void storedJpegNeverCarriesGpsMetadata() throws Exception {
        byte[] withGps = jpegWithGps(TestImages.jpeg(90, 60, 707));
        assertThat(gpsOf(withGps)).isNotNull();

        JsonNode file = GlimpseHttp.firstFile(api.upload("where.jpg", withGps));

        assertThat(file.get("status").asString()).isEqualTo("stored");
        assertThat(gpsOf(api.content(file.get("id").asString()))).isNull();
    }

    private long countBlobs() {
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            return all.count();
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] jpegWithGps(byte[] jpeg) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(-0.1276, 51.5072);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    private static Object gpsOf(byte[] jpeg) throws Exception {
        return Imaging.getMetadata(jpeg) instanceof JpegImageMetadata metadata && metadata.getExif() != null
                ? metadata.getExif().getGpsInfo()
                : null;
    }
}
