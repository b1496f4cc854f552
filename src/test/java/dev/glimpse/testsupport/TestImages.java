package dev.glimpse.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made for tests: distinct random pictures in any format, and hand-built PNG headers. */
public final class TestImages {

    private TestImages() {}

    /** A picture of random coloured blocks; a different seed gives different bytes. */
    public static BufferedImage picture(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(
                    random.nextInt(width),
                    random.nextInt(height),
                    1 + random.nextInt(width),
                    1 + random.nextInt(height));
        }
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(int width, int height, long seed) {
        return encode(picture(width, height, seed), "png");
    }

    public static byte[] jpeg(int width, int height, long seed) {
        return encode(picture(width, height, seed), "jpeg");
    }

    /** A real 64 × 64 JPEG followed by zeros to 6 MB, past the 5 MB upload limit; each seed gives other bytes. */
    public static byte[] oversizedJpeg(long seed) {
        byte[] jpeg = jpeg(64, 64, seed);
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        return big;
    }

    /** A PNG whose header declares the given size but which holds no pixel data. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A PNG chunk with its length and CRC. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
