package dev.glimpse.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.jspecify.annotations.Nullable;

/**
 * The EXIF a stored original keeps: the main image's directory, the EXIF and interoperability directories (date and
 * time, camera make and model, orientation, exposure) without the GPS directory, the embedded thumbnail, maker notes,
 * comments (user comment, image description, Windows XP title/comment/author/keywords/subject), embedded XMP, IPTC or
 * Photoshop data, and any field longer than {@value #MAX_FIELD_BYTES} bytes (where a private blob could hide).
 */
final class ExifFields {

    static final int MAX_FIELD_BYTES = 1024;

    private static final Set<Integer> KEPT_DIRECTORIES = Set.of(
            TiffDirectoryConstants.DIRECTORY_TYPE_ROOT,
            TiffDirectoryConstants.DIRECTORY_TYPE_EXIF,
            TiffDirectoryConstants.DIRECTORY_TYPE_INTEROPERABILITY);

    private static final Set<Integer> DROPPED_TAGS = Set.of(
            0x8825, // GPSInfo (pointer to the GPS directory)
            0x010E, // ImageDescription
            0x02BC, // XMP packet
            0x83BB, // IPTC
            0x8649, // Photoshop image resources
            0x927C, // MakerNote
            0x9286, // UserComment
            0x9C9B, // XPTitle
            0x9C9C, // XPComment
            0x9C9D, // XPAuthor
            0x9C9E, // XPKeywords
            0x9C9F, // XPSubject
            0xC4A5 // PrintImageMatching
            );

    private ExifFields() {}

    /** What is kept of parsed EXIF, ready for a lossless JPEG rewrite. */
    static TiffOutputSet kept(TiffImageMetadata exif) throws ImagingException {
        TiffOutputSet original = exif.getOutputSet();
        TiffOutputSet kept = new TiffOutputSet(original.byteOrder);
        for (TiffOutputDirectory directory : original) {
            if (!KEPT_DIRECTORIES.contains(directory.getType())) {
                continue;
            }
            for (TiffOutputField field : List.copyOf(directory.getFields())) {
                if (DROPPED_TAGS.contains(field.tag) || field.getData().length > MAX_FIELD_BYTES) {
                    directory.removeField(field.tag);
                }
            }
            kept.addDirectory(directory);
        }
        return kept;
    }

    /**
     * A bare TIFF-structured EXIF block (PNG {@code eXIf}, WebP {@code EXIF}) with only the kept fields, or null when
     * it cannot be read (then it is dropped whole).
     */
    static byte @Nullable [] keptTiff(byte[] tiff) {
        try {
            if (!(Imaging.getMetadata(tiff) instanceof TiffImageMetadata exif)) {
                return null;
            }
            TiffOutputSet kept = kept(exif);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageWriterLossy(kept.byteOrder).write(out, kept);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
