package dev.glimpse.imaging;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When, with what and where a photo was taken, as its metadata says: the wall-clock time on the camera with its UTC
 * offset when recorded ({@code OffsetTimeOriginal}), where the time came from, the camera, and the GPS position (read
 * before the metadata policy drops it; never stored unless all metadata is kept).
 */
public record CaptureFacts(
        @Nullable LocalDateTime takenAt,
        @Nullable ZoneOffset offset,
        @Nullable TakenAtSource source,
        @Nullable String camera,
        @Nullable GeoPoint position) {

    public static final CaptureFacts NONE = new CaptureFacts(null, null, null, null, null);

    public Optional<GeoPoint> gps() {
        return Optional.ofNullable(position);
    }

    /** Where a capture time came from. */
    public enum TakenAtSource {
        /** EXIF {@code DateTimeOriginal}, else {@code DateTimeDigitized} or {@code DateTime}. */
        EXIF,
        /** XMP {@code exif:DateTimeOriginal}, {@code photoshop:DateCreated} or {@code xmp:CreateDate}. */
        XMP,
        /** Not known: the upload time stands in for it. */
        UPLOAD
    }

    /** A position in degrees (WGS 84). */
    public record GeoPoint(double latitude, double longitude) {
        public GeoPoint {
            if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("Not a position: " + latitude + ", " + longitude);
            }
        }
    }
}
