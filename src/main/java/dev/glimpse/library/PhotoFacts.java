package dev.glimpse.library;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * When, with what and where a photo was taken, as stored with its image: the capture time as the camera's clock
 * showed it, with its UTC offset when the photo recorded one; where that time came from ({@link TakenAtSource#UPLOAD}
 * when the photo says nothing and the upload time stands in); the camera; the place name (never coordinates).
 */
public record PhotoFacts(
        @Nullable LocalDateTime takenAt,
        @Nullable ZoneOffset offset,
        TakenAtSource source,
        @Nullable String camera,
        @Nullable String city,
        @Nullable String region,
        @Nullable String country) {

    /** Nothing known: the upload time will stand in for the capture time. */
    public static final PhotoFacts UNKNOWN = new PhotoFacts(null, null, TakenAtSource.UPLOAD, null, null, null, null);

    /** Where a capture time came from. */
    public enum TakenAtSource {
        EXIF,
        XMP,
        /** Not known from the photo: the upload time. */
        UPLOAD
    }
}
