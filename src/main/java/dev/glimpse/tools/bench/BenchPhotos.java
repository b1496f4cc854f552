package dev.glimpse.tools.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A folder of distinct photos of realistic sizes for the import benchmark, written fast enough for 10,000 of them:
 * JPEGs from 0.5 to 8 MB (eight originals of 1.2 to 18 megapixels, each copy made distinct by its quantisation table,
 * a valid JPEG that decodes to slightly different pixels), PNGs (re-encoded with a few pixels that number them) and,
 * where HEIC files are given, HEICs (copies of them whose Exif date differs, which the stored copy keeps).
 */
final class BenchPhotos {

    /** The photo kinds in the folder, per hundred files. */
    static final int PNG_PER_HUNDRED = 10;

    static final int HEIC_PER_HUNDRED = 5;

    private static final int[][] JPEG_SIZES = {
        {1280, 960}, {1632, 1224}, {2048, 1536}, {2592, 1944}, {3264, 2448}, {4032, 3024}, {4624, 3468}, {5184, 3456}
    };
    private static final byte[] DATE_PREFIX =
            "2024:07:14 18:03:00".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final List<byte[]> jpegs = new ArrayList<>();
    private final List<BufferedImage> pngs = new ArrayList<>();
    private final List<byte[]> heics;

    /** The originals the copies are made from; {@code heics} may be empty (no HEIC in the folder then). */
    BenchPhotos(long seed, List<byte[]> heics) {
        for (int i = 0; i < JPEG_SIZES.length; i++) {
            jpegs.add(jpeg(BenchImages.image(JPEG_SIZES[i][0], JPEG_SIZES[i][1], seed + i), 0.92f));
        }
        for (int i = 0; i < 3; i++) {
            pngs.add(BenchImages.image(1024 + 256 * i, 768 + 192 * i, seed + 100 + i));
        }
        this.heics = heics.stream()
                .filter(heic -> indexOf(heic, DATE_PREFIX, 0) >= 0)
                .toList();
    }

    /** The HEIC files of a folder (none when it does not exist). */
    static List<byte[]> heicsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<byte[]> heics = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".heic")).sorted().toList()) {
                heics.add(Files.readAllBytes(file));
            }
            return heics;
        }
    }

    /** "JPEG originals of 0.6 to 7.9 MB". */
    String jpegRange() {
        return "JPEG originals of %.1f to %.1f MB"
                .formatted(
                        jpegs.stream().mapToInt(j -> j.length).min().orElse(0) / 1e6,
                        jpegs.stream().mapToInt(j -> j.length).max().orElse(0) / 1e6);
    }

    boolean hasHeic() {
        return !heics.isEmpty();
    }

    /** Writes {@code count} distinct photos under {@code root}, 100 per album; returns their total size in bytes. */
    long write(Path root, int count, Random random) throws IOException {
        long bytes = 0;
        for (int n = 0; n < count; n++) {
            Path album = Files.createDirectories(
                    root.resolve(String.valueOf(2015 + n / 2000)).resolve("album-" + (n / 100)));
            int kind = random.nextInt(100);
            byte[] photo;
            String extension;
            if (kind < HEIC_PER_HUNDRED && hasHeic()) {
                photo = heicCopy(heics.get(random.nextInt(heics.size())), n);
                extension = ".heic";
            } else if (kind < HEIC_PER_HUNDRED + PNG_PER_HUNDRED) {
                photo = pngCopy(pngs.get(random.nextInt(pngs.size())), n);
                extension = ".png";
            } else {
                photo = jpegCopy(jpegs.get(random.nextInt(jpegs.size())), n);
                extension = ".jpg";
            }
            Files.write(album.resolve("IMG_" + n + extension), photo);
            bytes += photo.length;
        }
        return bytes;
    }

    /** The JPEG with the last two entries of its first quantisation table set from {@code n} (unique below 62,500). */
    static byte[] jpegCopy(byte[] jpeg, int n) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 4 < copy.length; ) {
            int marker = copy[i + 1] & 0xFF;
            int length = ((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF);
            if (marker == 0xDB) { // DQT: length, then precision/table byte and 64 eight-bit entries
                copy[i + 4 + 1 + 63] = (byte) (1 + n % 250);
                copy[i + 4 + 1 + 62] = (byte) (1 + (n / 250) % 250);
                return copy;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no quantisation table in the JPEG");
    }

    /** The HEIC with the seconds, minutes, hour and day of its Exif date taken from {@code n}. */
    static byte[] heicCopy(byte[] heic, int n) {
        byte[] copy = heic.clone();
        String date =
                "2024:07:%02d %02d:%02d:%02d".formatted(1 + n % 28, (n / 28) % 24, (n / 672) % 60, (n / 40_320) % 60);
        byte[] replacement = date.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = indexOf(copy, DATE_PREFIX, 0); at >= 0; at = indexOf(copy, DATE_PREFIX, at + 1)) {
            System.arraycopy(replacement, 0, copy, at, replacement.length);
        }
        return copy;
    }

    private static byte[] pngCopy(BufferedImage picture, int n) {
        BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setData(picture.getData());
        copy.setRGB(0, 0, n & 0xFFFFFF);
        copy.setRGB(1, 0, n >>> 24);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(copy, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
