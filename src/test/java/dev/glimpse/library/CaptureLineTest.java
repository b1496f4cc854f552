package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CaptureLineTest {

    @Test
    void theViewerSaysWhenWhereAndWithWhat() {
        PhotoFacts facts = new PhotoFacts(
                LocalDateTime.of(2024, 7, 14, 18, 3),
                ZoneOffset.ofHours(1),
                PhotoFacts.TakenAtSource.EXIF,
                "Apple iPhone 13",
                "Lisbon",
                "Lisbon",
                "Portugal");

        assertThat(CaptureLine.of(facts)).isEqualTo("Taken 14 Jul 2024, 18:03 · Lisbon, Portugal · Apple iPhone 13");
        assertThat(CaptureLine.month(facts)).isEqualTo("July 2024");
    }

    @Test
    void anUploadTimeIsNotCalledTakenAndUnknownPartsAreLeftOut() {
        PhotoFacts facts = new PhotoFacts(
                LocalDateTime.of(2026, 1, 2, 3, 4),
                ZoneOffset.UTC,
                PhotoFacts.TakenAtSource.UPLOAD,
                null,
                null,
                null,
                null);

        assertThat(CaptureLine.of(facts)).isEmpty();
        assertThat(CaptureLine.of(
                        new PhotoFacts(null, null, PhotoFacts.TakenAtSource.UPLOAD, "Pixel 8", null, null, "Japan")))
                .isEqualTo("Japan · Pixel 8");
    }
}
