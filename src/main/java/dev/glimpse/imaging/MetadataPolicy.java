package dev.glimpse.imaging;

import dev.glimpse.imaging.heif.HeifDecodingException;
import dev.glimpse.imaging.heif.HeifMetadataBlanker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;

/**
 * What a stored original keeps: the picture exactly as uploaded (compressed pixel data is copied, never re-encoded)
 * and what its owner values — EXIF date, camera and orientation ({@link ExifFields}), the ICC colour profile and
 * the structure needed to decode it. Dropped: GPS and other location data, XMP, comments (JPEG {@code COM}, PNG
 * text chunks, EXIF comments), private or unknown chunks and segments, embedded thumbnails and anything after the
 * image's end (an appended archive making a polyglot). See {@link JpegSegments}, {@link PngChunks} and
 * {@link WebpChunks} and {@link GifBlocks} for each format; HEIC and AVIF keep their coded picture byte for byte
 * while their Exif item loses GPS, comments, maker notes and thumbnail and their XMP item is emptied
 * ({@link HeifMetadataBlanker}).
 */
public final class MetadataPolicy {

    private MetadataPolicy() {}

    public static byte[] apply(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case JPEG -> cleanExif(JpegSegments.withoutHiddenData(bytes));
            case PNG -> PngChunks.withoutHiddenData(bytes);
            case WEBP -> WebpChunks.withoutHiddenData(bytes);
            case GIF -> GifBlocks.withoutHiddenData(bytes);
            // the Exif and XMP items are blanked in place: the coded picture and every offset stay as they were
            case HEIF, AVIF -> blankHeif(bytes);
        };
    }

    private static byte[] blankHeif(byte[] bytes) {
        try {
            return HeifMetadataBlanker.withoutPrivateData(bytes);
        } catch (HeifDecodingException e) {
            throw new ImageRefusedException(e.getMessage(), e);
        }
    }

    private static byte[] cleanExif(byte[] jpeg) {
        try {
            TiffImageMetadata exif = exifOf(jpeg);
            if (exif == null) {
                return jpeg;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
            // lossy: the EXIF block is written afresh; a lossless rewrite keeps the bytes of removed fields in place
            new ExifRewriter().updateExifMetadataLossy(jpeg, out, ExifFields.kept(exif));
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return removeAllExif(jpeg);
        }
    }

    /** EXIF that cannot be read cannot be cleaned either: it goes whole. */
    private static byte[] removeAllExif(byte[] jpeg) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
            new ExifRewriter().removeExifMetadata(jpeg, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new ImageRefusedException("has metadata that cannot be read", e);
        }
    }

    private static TiffImageMetadata exifOf(byte[] jpeg) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(jpeg);
        return metadata instanceof JpegImageMetadata jpegMetadata ? jpegMetadata.getExif() : null;
    }
}
