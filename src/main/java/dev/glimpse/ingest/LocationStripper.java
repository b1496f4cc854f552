package dev.glimpse.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Removes location metadata from an image without touching its pixels: the EXIF GPS directory and XMP packets of a
 * JPEG (other EXIF, such as orientation, is kept), and the EXIF/XMP chunks of PNG and WebP files. Data after the end
 * of a JPEG or PNG (an appended archive making a polyglot) is dropped too, so a stored original is only the picture.
 */
final class LocationStripper {

    private LocationStripper() {}

    static byte[] strip(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case JPEG -> stripJpeg(JpegTrailer.withoutTrailingData(bytes));
            case PNG -> PngChunks.withoutMetadata(bytes);
            case WEBP -> WebpChunks.withoutMetadata(bytes);
            case GIF -> bytes;
        };
    }

    private static byte[] stripJpeg(byte[] bytes) {
        try {
            byte[] withoutXmp = rewrite(out -> new JpegXmpRewriter().removeXmpXml(bytes, out));
            TiffImageMetadata exif = exifOf(withoutXmp);
            if (exif == null) {
                return withoutXmp;
            }
            TiffOutputSet kept = withoutGps(exif);
            return rewrite(out -> new ExifRewriter().updateExifMetadataLossless(withoutXmp, out, kept));
        } catch (IOException e) {
            return removeAllExif(bytes);
        }
    }

    private static byte[] removeAllExif(byte[] bytes) {
        try {
            byte[] withoutXmp = rewrite(out -> new JpegXmpRewriter().removeXmpXml(bytes, out));
            return rewrite(out -> new ExifRewriter().removeExifMetadata(withoutXmp, out));
        } catch (IOException e) {
            throw new ImageRefusedException("has metadata that cannot be read", e);
        }
    }

    private static TiffImageMetadata exifOf(byte[] jpeg) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(jpeg);
        return metadata instanceof JpegImageMetadata jpegMetadata ? jpegMetadata.getExif() : null;
    }

    private static TiffOutputSet withoutGps(TiffImageMetadata exif) throws ImagingException {
        TiffOutputSet original = exif.getOutputSet();
        TiffOutputSet kept = new TiffOutputSet(original.byteOrder);
        for (TiffOutputDirectory directory : original) {
            if (directory.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_GPS) {
                kept.addDirectory(directory);
            }
        }
        kept.removeField(ExifTagConstants.EXIF_TAG_GPSINFO);
        return kept;
    }

    private static byte[] rewrite(Rewrite rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rewrite.to(out);
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Rewrite {
        void to(ByteArrayOutputStream out) throws IOException;
    }
}
