package dev.glimpse.imaging;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;

/** Reads what a stored image holds, for tests that inspect bytes: segments, chunks, EXIF fields, pixels. */
public final class ImageStructure {

    private ImageStructure() {}

    /** The EXIF of a JPEG, or of a bare TIFF block (PNG eXIf, WebP EXIF); null when there is none. */
    public static TiffImageMetadata exifOf(byte[] jpegOrTiff) {
        try {
            return switch (Imaging.getMetadata(jpegOrTiff)) {
                case JpegImageMetadata jpeg -> jpeg.getExif();
                case TiffImageMetadata tiff -> tiff;
                case null, default -> null;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field's text, or null when the EXIF lacks it. */
    public static String field(TiffImageMetadata exif, TagInfo tag) {
        try {
            TiffField field = exif.findField(tag);
            return field == null ? null : field.getValue().toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG's segments up to the first scan as "APPn identifier" or marker names ("DQT", "COM", ...). */
    public static List<String> jpegSegments(byte[] jpeg) {
        List<String> segments = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length) {
            int marker = jpeg[position + 1] & 0xFF;
            int length = (jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF);
            segments.add(name(marker, jpeg, position + 4, length - 2));
            if (marker == 0xDA) {
                break;
            }
            position += 2 + length;
        }
        return segments;
    }

    /** Everything from the first start-of-scan marker on: the compressed pixels. */
    public static byte[] scans(byte[] jpeg) {
        return Arrays.copyOfRange(jpeg, scanStart(jpeg), jpeg.length);
    }

    /** The PNG's chunks as type names, checking each chunk's CRC; fails on anything after IEND. */
    public static List<String> pngChunks(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        int position = 8;
        while (position < png.length) {
            int length = in.getInt(position);
            String type = new String(png, position + 4, 4, US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(png, position + 4, 4 + length);
            if ((int) crc.getValue() != in.getInt(position + 8 + length)) {
                throw new AssertionError("bad CRC in " + type);
            }
            types.add(type);
            position += 12 + length;
        }
        return types;
    }

    /** The data of the first PNG chunk of that type. */
    public static byte[] pngChunk(byte[] png, String type) {
        ByteBuffer in = ByteBuffer.wrap(png);
        for (int position = 8; position + 12 <= png.length; position += 12 + in.getInt(position)) {
            if (new String(png, position + 4, 4, US_ASCII).equals(type)) {
                return Arrays.copyOfRange(png, position + 8, position + 8 + in.getInt(position));
            }
        }
        return null;
    }

    /** The WebP's chunks as type names; fails unless they fill the RIFF size exactly. */
    public static List<String> webpChunks(byte[] webp) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(4) + 8 != webp.length) {
            throw new AssertionError("RIFF size " + in.getInt(4) + " does not match " + webp.length + " bytes");
        }
        List<String> types = new ArrayList<>();
        int position = 12;
        while (position < webp.length) {
            types.add(new String(webp, position, 4, US_ASCII));
            int size = in.getInt(position + 4);
            position += 8 + size + (size & 1);
        }
        return types;
    }

    /** The data of the first WebP chunk of that type. */
    public static byte[] webpChunk(byte[] webp, String type) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        while (position + 8 <= webp.length) {
            int size = in.getInt(position + 4);
            if (new String(webp, position, 4, US_ASCII).equals(type)) {
                return Arrays.copyOfRange(webp, position + 8, position + 8 + size);
            }
            position += 8 + size + (size & 1);
        }
        return null;
    }

    public static int[] pixels(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String latin1(byte[] bytes) {
        return new String(bytes, ISO_8859_1);
    }

    private static String name(int marker, byte[] jpeg, int dataStart, int dataLength) {
        if (marker >= 0xE0 && marker <= 0xEF) {
            int end = dataStart;
            while (end < dataStart + Math.min(dataLength, 30) && jpeg[end] != 0) {
                end++;
            }
            return "APP" + (marker - 0xE0) + " " + new String(jpeg, dataStart, end - dataStart, ISO_8859_1);
        }
        return switch (marker) {
            case 0xFE -> "COM";
            case 0xDB -> "DQT";
            case 0xC4 -> "DHT";
            case 0xDA -> "SOS";
            case 0xDD -> "DRI";
            default -> marker >= 0xC0 && marker <= 0xCF ? "SOF" : String.format("%02X", marker);
        };
    }

    public static int scanStart(byte[] jpeg) {
        int position = 2;
        while ((jpeg[position + 1] & 0xFF) != 0xDA) {
            position += 2 + ((jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF));
        }
        return position;
    }
}
