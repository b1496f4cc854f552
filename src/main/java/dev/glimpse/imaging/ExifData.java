package dev.glimpse.imaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;

/**
 * The EXIF of an image, wherever its format keeps it: a JPEG's {@code APP1}, a PNG's {@code eXIf} chunk, a WebP's
 * {@code EXIF} chunk; and its XMP packet as text. Unreadable metadata is treated as absent.
 */
final class ExifData {

    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifData() {}

    static Optional<TiffImageMetadata> of(ImageFormat format, byte[] bytes) {
        try {
            return switch (format) {
                case JPEG ->
                    Imaging.getMetadata(bytes) instanceof JpegImageMetadata jpeg
                            ? Optional.ofNullable(jpeg.getExif())
                            : Optional.empty();
                case PNG -> pngChunk(bytes, "eXIf").flatMap(ExifData::tiff);
                case WEBP -> WebpFrames.chunk(bytes, "EXIF").flatMap(ExifData::tiff);
                case HEIF, AVIF ->
                    Optional.ofNullable(HeifImageDecoder.probe(bytes).exif()).flatMap(ExifData::tiff);
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The XMP packet of a JPEG, PNG or WebP, or empty. */
    static Optional<String> xmp(ImageFormat format, byte[] bytes) {
        try {
            return switch (format) {
                case JPEG, PNG -> Optional.ofNullable(Imaging.getXmpXml(bytes));
                case WEBP -> WebpFrames.chunk(bytes, "XMP ").map(xmp -> new String(xmp, StandardCharsets.UTF_8));
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<TiffImageMetadata> tiff(byte[] exif) {
        boolean prefixed = exif.length > EXIF_PREFIX.length
                && Arrays.equals(exif, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
        byte[] tiff = prefixed ? Arrays.copyOfRange(exif, EXIF_PREFIX.length, exif.length) : exif;
        try {
            ImageMetadata metadata = Imaging.getMetadata(tiff);
            return metadata instanceof TiffImageMetadata found ? Optional.of(found) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The data of a PNG's first chunk of this type, read before the image data ends. */
    private static Optional<byte[]> pngChunk(byte[] png, String type) {
        int position = 8;
        while (position + 12 <= png.length) {
            int length = (png[position] & 0xFF) << 24
                    | (png[position + 1] & 0xFF) << 16
                    | (png[position + 2] & 0xFF) << 8
                    | (png[position + 3] & 0xFF);
            if (length < 0 || position + 12L + length > png.length) {
                return Optional.empty();
            }
            String found = new String(png, position + 4, 4, StandardCharsets.US_ASCII);
            if (found.equals(type)) {
                return Optional.of(Arrays.copyOfRange(png, position + 8, position + 8 + length));
            }
            if (found.equals("IEND")) {
                return Optional.empty();
            }
            position += 12 + length;
        }
        return Optional.empty();
    }
}
