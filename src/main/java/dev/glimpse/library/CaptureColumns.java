package dev.glimpse.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an {@link Image} that say when, with what and where the photo was taken: the capture time as the
 * camera's clock showed it with its offset and where it came from, the camera, and the place names.
 */
@Embeddable
class CaptureColumns {

    /** The capture time as the camera's clock showed it (the upload time in UTC when unknown). */
    @Column(name = "taken_at", nullable = false)
    private LocalDateTime takenAt;

    @Column(name = "taken_at_offset", length = 6)
    private @Nullable String takenAtOffset;

    @Enumerated(EnumType.STRING)
    @Column(name = "taken_at_source", length = 16)
    private PhotoFacts.@Nullable TakenAtSource takenAtSource;

    private @Nullable String camera;

    @Column(name = "place_city")
    private @Nullable String placeCity;

    @Column(name = "place_region")
    private @Nullable String placeRegion;

    @Column(name = "place_country")
    private @Nullable String placeCountry;

    /**
     * Records when, with what and where the photo was taken; {@code uploadedAt} stands in for an unknown capture time
     * (as UTC wall-clock time, marked {@link PhotoFacts.TakenAtSource#UPLOAD}).
     */
    void record(PhotoFacts facts, Instant uploadedAt) {
        if (facts.takenAt() == null) {
            this.takenAt = LocalDateTime.ofInstant(uploadedAt, ZoneOffset.UTC);
            this.takenAtOffset = ZoneOffset.UTC.getId();
            this.takenAtSource = PhotoFacts.TakenAtSource.UPLOAD;
        } else {
            this.takenAt = facts.takenAt();
            this.takenAtOffset = facts.offset() == null ? null : facts.offset().getId();
            this.takenAtSource = facts.source();
        }
        this.camera = facts.camera();
        this.placeCity = facts.city();
        this.placeRegion = facts.region();
        this.placeCountry = facts.country();
    }

    /** Everything known of when, with what and where, as one value. */
    PhotoFacts facts() {
        return new PhotoFacts(
                takenAt,
                takenAtOffset == null ? null : ZoneOffset.of(takenAtOffset),
                takenAtSource == null ? PhotoFacts.TakenAtSource.UPLOAD : takenAtSource,
                camera,
                placeCity,
                placeRegion,
                placeCountry);
    }

    /** Where the capture time came from; null only for a row not yet read back since the column was added. */
    PhotoFacts.@Nullable TakenAtSource source() {
        return takenAtSource;
    }
}
