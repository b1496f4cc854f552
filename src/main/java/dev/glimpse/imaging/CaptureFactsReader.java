package dev.glimpse.imaging;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link CaptureFacts} from an image's EXIF and XMP: {@code DateTimeOriginal} with {@code OffsetTimeOriginal},
 * else {@code DateTimeDigitized}/{@code DateTime} with theirs, else an XMP date; make and model; the GPS position.
 * Metadata that cannot be read gives no facts rather than an error.
 */
public final class CaptureFactsReader {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    private static final Pattern XMP_DATE = Pattern.compile(
            "(?:exif:DateTimeOriginal|photoshop:DateCreated|xmp:CreateDate)\\s*(?:=\\s*\"|>)\\s*([0-9][0-9:T+\\-.Z ]+)");

    /** EXIF tags: DateTimeOriginal/OffsetTimeOriginal, DateTimeDigitized/OffsetTimeDigitized, DateTime/OffsetTime. */
    private static final List<int[]> DATE_AND_OFFSET =
            List.of(new int[] {0x9003, 0x9011}, new int[] {0x9004, 0x9012}, new int[] {0x0132, 0x9010});

    private static final int MAKE = 0x010F;
    private static final int MODEL = 0x0110;

    private CaptureFactsReader() {}

    public static CaptureFacts read(ImageFormat format, byte[] bytes) {
        Optional<TiffImageMetadata> exif = ExifData.of(format, bytes);
        CaptureFacts fromExif = exif.map(CaptureFactsReader::fromExif).orElse(CaptureFacts.NONE);
        if (fromExif.takenAt() != null) {
            return fromExif;
        }
        Optional<OffsetOrLocal> xmpDate = ExifData.xmp(format, bytes).flatMap(CaptureFactsReader::xmpDate);
        return xmpDate.map(date -> new CaptureFacts(
                        date.local(),
                        date.offset(),
                        CaptureFacts.TakenAtSource.XMP,
                        fromExif.camera(),
                        fromExif.position()))
                .orElse(fromExif);
    }

    private static CaptureFacts fromExif(TiffImageMetadata exif) {
        LocalDateTime takenAt = null;
        ZoneOffset offset = null;
        for (int[] pair : DATE_AND_OFFSET) {
            takenAt = exifTime(ascii(exif, pair[0]));
            if (takenAt != null) {
                offset = offset(ascii(exif, pair[1]));
                break;
            }
        }
        return new CaptureFacts(
                takenAt, offset, takenAt == null ? null : CaptureFacts.TakenAtSource.EXIF, camera(exif), gps(exif));
    }

    static @Nullable String camera(TiffImageMetadata exif) {
        String make = ascii(exif, MAKE);
        String model = ascii(exif, MODEL);
        if (model == null) {
            return make;
        }
        if (make == null
                || model.toLowerCase(Locale.ROOT).startsWith(firstWord(make).toLowerCase(Locale.ROOT))) {
            return model;
        }
        return make + " " + model;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private static CaptureFacts.@Nullable GeoPoint gps(TiffImageMetadata exif) {
        try {
            TiffImageMetadata.GpsInfo gps = exif.getGpsInfo();
            if (gps == null) {
                return null;
            }
            return new CaptureFacts.GeoPoint(gps.getLatitudeAsDegreesNorth(), gps.getLongitudeAsDegreesEast());
        } catch (ImagingException | RuntimeException e) {
            return null;
        }
    }

    /** A text field by its EXIF tag, trimmed, or null when absent or blank. */
    private static @Nullable String ascii(TiffImageMetadata exif, int tag) {
        try {
            for (TiffField field : exif.getAllFields()) {
                if (field.getTag() == tag && field.getValue() instanceof Object value) {
                    String text = (value instanceof String[] many ? String.join(" ", many) : value.toString())
                            .replace('\0', ' ')
                            .strip();
                    return text.isEmpty() ? null : text;
                }
            }
            return null;
        } catch (ImagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable LocalDateTime exifTime(@Nullable String text) {
        if (text == null || text.length() < 19 || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.substring(0, 19), EXIF_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable ZoneOffset offset(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZoneOffset.of(text.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Optional<OffsetOrLocal> xmpDate(String xmp) {
        Matcher matcher = XMP_DATE.matcher(xmp);
        while (matcher.find()) {
            String text = matcher.group(1).strip();
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return Optional.of(new OffsetOrLocal(withOffset.toLocalDateTime(), withOffset.getOffset()));
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(new OffsetOrLocal(LocalDateTime.parse(text), null));
                } catch (DateTimeParseException ignored) {
                    // a date alone or another form: try the next field
                }
            }
        }
        return Optional.empty();
    }

    private record OffsetOrLocal(
            LocalDateTime local, @Nullable ZoneOffset offset) {}
}
