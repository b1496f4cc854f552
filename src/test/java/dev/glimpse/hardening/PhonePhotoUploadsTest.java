package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight large camera photos (just under the 50 MB default, 40+ megapixels) sent at once to Glimpse started with
 * {@code -Xmx512m}: every one is stored, and the app never runs out of memory (it would exit:
 * {@code -XX:+ExitOnOutOfMemoryError}). Uploads are streamed to disk, worked on within half the heap, and decoded
 * subsampled.
 */
@Tag("hardening")
class PhonePhotoUploadsTest {

    private static final int UPLOADS = 8;
    private static final long LIMIT = 50L * 1024 * 1024;

    @TempDir
    Path data;

    @Test
    void eightConcurrentFiftyMegabytePhotosFitInAHalfGigabyteHeap() throws Exception {
        byte[] base = largeJpeg();
        System.out.printf("photo: %.1f MB%n", base.length / 1048576.0);
        assertThat(base.length).isBetween(30 * 1024 * 1024, (int) LIMIT - 4096);
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            photos.add(withDate(base, String.format("2024:07:%02d 12:00:00", i + 1)));
        }
        // the production limits (the test profile sets smaller ones for the refusal tests)
        List<String> limits =
                new ArrayList<>(List.of("--glimpse.upload.max-bytes=50MB", "--glimpse.upload.max-megapixels=100"));
        try (GlimpseProcess app = new GlimpseProcess(data, limits).heap("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")) {
            app.start();
            long begin = System.nanoTime();
            List<HttpResponse<String>> answers = sendAtOnce(app, photos);
            System.out.printf(
                    "%d uploads of %.1f MB answered in %.1f s%n",
                    UPLOADS, base.length / 1048576.0, (System.nanoTime() - begin) / 1e9);
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                assertThat(answer.body()).contains("\"status\":\"stored\"");
            }
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
            assertThat(app.uri("/")).isNotNull();
        }
    }

    private static List<HttpResponse<String>> sendAtOnce(GlimpseProcess app, List<byte[]> photos) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(UPLOADS)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                byte[] photo = photos.get(i);
                String name = "camera-" + i + ".jpg";
                sent.add(senders.submit(() -> app.api().upload(name, photo)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    /** A noisy 7000 × 6000 photo (42 MP) at high quality: noise compresses badly, as sensor grain does. */
    private static byte[] largeJpeg() throws IOException {
        int width = 7000;
        int height = 6000;
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(29);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128;
                row[x] = base ^ (random.nextInt() & 0x7F7F7F);
            }
            picture.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.97f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] withDate(byte[] jpeg, String taken) throws IOException {
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, taken);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }
}
