package dev.glimpse.imaging;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.glimpse.testsupport.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Images carrying everything an owner values (EXIF date, camera, orientation; an ICC profile) and everything the
 * metadata policy drops (GPS, comments, XMP, text chunks, private segments and chunks, an appended ZIP archive),
 * for tests that inspect stored bytes (with {@link ImageStructure}).
 */
public final class MetadataFiles {

    public static final String MAKE = "Glimpse Camera";
    public static final String MODEL = "GC-1";
    public static final String TAKEN = "2024:07:14 18:30:00";
    public static final int ORIENTATION = 6;
    public static final byte[] ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** Text that must not survive in a stored original: each marks one kind of dropped metadata. */
    public static final List<String> HIDDEN = List.of(
            "SECRET-USER-COMMENT",
            "SECRET-DESCRIPTION",
            "SECRET-JPEG-COMMENT",
            "SECRET-XMP",
            "SECRET-PRIVATE",
            "SECRET-TEXT-CHUNK",
            "SECRET-GIF-COMMENT",
            "<script>",
            "PK\u0003\u0004");

    private MetadataFiles() {}

    /** A baseline JPEG with EXIF (GPS included), ICC, XMP, Photoshop/IPTC, a private APP11, a COM and a ZIP after EOI. */
    public static byte[] jpeg(byte[] plain) {
        byte[] withExif = withExif(plain);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        extra.writeBytes(segment(0xE2, concat(latin1("ICC_PROFILE\0"), new byte[] {1, 1}, ICC)));
        extra.writeBytes(segment(0xE1, latin1("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>SECRET-XMP</x:xmpmeta>")));
        extra.writeBytes(segment(0xED, latin1("Photoshop 3.0\08BIM SECRET-PRIVATE")));
        extra.writeBytes(segment(0xEB, concat(latin1("SECRET-PRIVATE\0"), HostileFiles.zip())));
        extra.writeBytes(segment(0xFE, concat(latin1("SECRET-JPEG-COMMENT <script>"), HostileFiles.zip())));
        int afterApps = firstNonAppSegment(withExif);
        return concat(
                Arrays.copyOf(withExif, afterApps),
                extra.toByteArray(),
                Arrays.copyOfRange(withExif, afterApps, withExif.length),
                HostileFiles.zip());
    }

    /** A progressive JPEG with a COM segment (holding a ZIP) between its first and second scan. */
    public static byte[] progressiveJpegWithCommentBetweenScans(BufferedImage picture) {
        byte[] progressive = progressive(picture);
        int secondScan =
                indexOf(progressive, new byte[] {(byte) 0xFF, (byte) 0xDA}, ImageStructure.scanStart(progressive) + 2);
        return concat(
                Arrays.copyOf(progressive, secondScan),
                segment(0xFE, concat(latin1("SECRET-JPEG-COMMENT"), HostileFiles.zip())),
                Arrays.copyOfRange(progressive, secondScan, progressive.length));
    }

    /** A PNG with iCCP, tIME, eXIf (GPS included), text chunks, a private chunk and a ZIP after IEND. */
    public static byte[] png(byte[] plain) {
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.writeBytes(TestImages.chunk("iCCP", concat(latin1("sRGB\0\0"), deflate(ICC))));
        out.writeBytes(TestImages.chunk("tIME", new byte[] {0x07, (byte) 0xE8, 7, 14, 18, 30, 0}));
        out.writeBytes(TestImages.chunk("eXIf", tiff(exif(true))));
        out.writeBytes(TestImages.chunk("tEXt", latin1("Comment\0SECRET-TEXT-CHUNK <script>alert(1)</script>")));
        out.writeBytes(TestImages.chunk("zTXt", concat(latin1("Comment\0\0"), deflate(latin1("SECRET-TEXT-CHUNK")))));
        out.writeBytes(TestImages.chunk("iTXt", latin1("XML:com.adobe.xmp\0\0\0\0\0SECRET-XMP")));
        out.writeBytes(TestImages.chunk("prVt", concat(latin1("SECRET-PRIVATE"), HostileFiles.zip())));
        out.write(plain, afterHeader, plain.length - afterHeader);
        out.writeBytes(HostileFiles.zip());
        return out.toByteArray();
    }

    /**
     * The WebP fixture as an extended WebP with EXIF (GPS included), XMP, optionally an unknown chunk (which the
     * upload check's decoder already refuses with a warning), and a ZIP after its end.
     */
    public static byte[] webp(byte[] simple, boolean withUnknownChunk) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) (0x08 | 0x04)).put(new byte[3]);
        int width = 16;
        int height = 16;
        vp8x.put((byte) (width - 1)).put((byte) 0).put((byte) 0);
        vp8x.put((byte) (height - 1)).put((byte) 0).put((byte) 0);
        byte[] body = concat(
                riffChunk("VP8X", vp8x.array()),
                Arrays.copyOfRange(simple, 12, simple.length),
                riffChunk("EXIF", tiff(exif(true))),
                riffChunk("XMP ", latin1("<x:xmpmeta>SECRET-XMP</x:xmpmeta>")),
                withUnknownChunk
                        ? riffChunk("ZZZZ", concat(latin1("SECRET-PRIVATE"), HostileFiles.zip()))
                        : new byte[0]);
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put(latin1("RIFF")).putInt(4 + body.length).put(latin1("WEBP"));
        return concat(header.array(), body, HostileFiles.zip());
    }

    /**
     * The GIF with a looping extension before its first frame and, when {@code hidden}, a comment, an XMP application
     * extension and a plain-text extension after it and a ZIP after the trailer.
     */
    public static byte[] gif(byte[] plain, boolean hidden) {
        int afterHeader = 13 + ((plain[10] & 0x80) == 0 ? 0 : 3 * (1 << ((plain[10] & 0x07) + 1)));
        byte[] loop = concat(new byte[] {0x21, (byte) 0xFF, 11}, latin1("NETSCAPE2.0"), new byte[] {3, 1, 0, 0, 0});
        byte[] extra = hidden
                ? concat(
                        gifExtension(0xFE, latin1("SECRET-GIF-COMMENT <script>")),
                        gifExtension(0xFF, concat(latin1("XMP DataXMP"), latin1("SECRET-XMP"))),
                        gifExtension(0x01, concat(new byte[12], latin1("SECRET-PRIVATE"))))
                : new byte[0];
        return concat(
                Arrays.copyOf(plain, afterHeader),
                loop,
                extra,
                Arrays.copyOfRange(plain, afterHeader, plain.length),
                hidden ? HostileFiles.zip() : new byte[0]);
    }

    /** A GIF extension whose data fits one sub-block (application extensions: 11 bytes of identifier first). */
    private static byte[] gifExtension(int label, byte[] data) {
        if (label == 0xFF) {
            return concat(
                    new byte[] {0x21, (byte) 0xFF, 11},
                    Arrays.copyOf(data, 11),
                    new byte[] {(byte) (data.length - 11)},
                    Arrays.copyOfRange(data, 11, data.length),
                    new byte[] {0});
        }
        return concat(new byte[] {0x21, (byte) label, (byte) data.length}, data, new byte[] {0});
    }

    public static TiffOutputSet exif(boolean withGps) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_MAKE, MAKE);
            root.add(TiffTagConstants.TIFF_TAG_MODEL, MODEL);
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) ORIENTATION);
            root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, "SECRET-DESCRIPTION");
            TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
            exifDirectory.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, TAKEN);
            exifDirectory.add(ExifTagConstants.EXIF_TAG_USER_COMMENT, "SECRET-USER-COMMENT");
            if (withGps) {
                exif.setGpsInDegrees(2.2945, 48.8584);
            }
            return exif;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withExif(byte[] jpeg) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif(true));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tiff(TiffOutputSet exif) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageWriterLossy(exif.byteOrder).write(out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] progressive(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static int firstNonAppSegment(byte[] jpeg) {
        int position = 2;
        while ((jpeg[position + 1] & 0xF0) == 0xE0) {
            position += 2 + ((jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF));
        }
        return position;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] segment(int marker, byte[] data) {
        return concat(
                new byte[] {(byte) 0xFF, (byte) marker, (byte) ((data.length + 2) >> 8), (byte) (data.length + 2)},
                data);
    }

    private static byte[] riffChunk(String type, byte[] data) {
        ByteBuffer out =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(latin1(type)).putInt(data.length).put(data);
        return out.array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
