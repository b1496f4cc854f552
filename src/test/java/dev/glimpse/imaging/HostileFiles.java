package dev.glimpse.imaging;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made hostile uploads: bombs, polyglots, disguised documents. */
public final class HostileFiles {

    public static final byte[] HTML =
            "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n"
                    .getBytes(StandardCharsets.UTF_8);

    public static final byte[] SVG_WITH_SCRIPT =
            ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                            + " height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>\n")
                    .getBytes(StandardCharsets.UTF_8);

    private HostileFiles() {}

    /** A valid picture in the format (png, jpg, gif) or the WebP fixture. */
    public static byte[] image(String format) {
        return switch (format) {
            case "png" -> TestImages.png(200, 150, 11);
            case "jpg" -> TestImages.jpeg(200, 150, 12);
            case "gif" -> TestImages.encode(TestImages.picture(200, 150, 13), "gif");
            case "webp" -> fixture("tiny-16px.webp");
            default -> throw new IllegalArgumentException(format);
        };
    }

    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Fixtures.media(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG header declaring the size, followed by a small zlib stream that would inflate to the whole canvas. */
    public static byte[] pngBomb(int width, int height) {
        byte[] header = TestImages.pngHeaderOnly(width, height);
        byte[] withoutEnd = java.util.Arrays.copyOf(header, header.length - 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(withoutEnd);
        out.writeBytes(TestImages.chunk("IDAT", deflatedZeros(1 << 20)));
        out.writeBytes(TestImages.chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The GIF with its logical screen (the canvas frames are drawn on) rewritten to the given size. */
    public static byte[] gifWithLogicalScreen(byte[] gif, int width, int height) {
        byte[] copy = gif.clone();
        ByteBuffer.wrap(copy, 6, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) width)
                .putShort((short) height);
        return copy;
    }

    /** A JPEG followed by a ZIP archive: a valid JPEG and a valid ZIP at once. */
    public static byte[] jpegZipPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestImages.jpeg(120, 80, 14));
        out.writeBytes(zip());
        return out.toByteArray();
    }

    public static byte[] zip() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream entries = new ZipOutputStream(zip)) {
            entries.putNextEntry(new ZipEntry("payload.html"));
            entries.write(HTML);
            entries.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /** A PNG with tEXt, zTXt-like and iTXt chunks before its pixels, the way editors write comments. */
    public static byte[] pngWithTextChunks() {
        byte[] png = TestImages.png(80, 60, 15);
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(TestImages.chunk("tEXt", latin1("Comment\0<script>alert(1)</script>")));
        out.writeBytes(TestImages.chunk("tEXt", latin1("Author\0" + "x".repeat(20_000))));
        out.writeBytes(TestImages.chunk("iTXt", latin1("Description\0\0\0en\0\0a picture")));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] deflatedZeros(int size) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(new byte[size]);
        deflater.finish();
        byte[] buffer = new byte[size];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }
}
