package dev.glimpse.ingest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.library.FailureKind;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.PhotoFacts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an upload row says: why a file was not stored (storage away: sent again later; full: not), and that an image
 * whose caption model is missing waits for it rather than failing.
 */
class UploadRowTextTest {

    @Test
    void fileNotStoredBecauseStorageIsFullSaysStorageIsFullAndIsNotSentAgain() {
        UploadRowText row = UploadRowText.of(IngestOutcome.Unavailable.of("a.png", true), null);

        assertThat(row.outcome()).isEqualTo("full");
        assertThat(row.detail()).contains("storage is full").doesNotContain("try again later");
        assertThat(row.resend()).isFalse();
    }

    @Test
    void fileNotStoredBecauseStorageIsAwaySaysTryAgainLaterAndMayBeSentAgain() {
        UploadRowText row = UploadRowText.of(IngestOutcome.Unavailable.of("b.png", false), null);

        assertThat(row.outcome()).isEqualTo("unavailable");
        assertThat(row.detail()).contains("try again later").doesNotContain("full");
        assertThat(row.resend()).isTrue();
    }

    @Test
    void imageFailedForWantOfTheModelWaitsForTheCaptionModelWithoutRetry() {
        UploadRowText row = UploadRowText.of(
                failed("Cannot reach the model hub to fetch config.json", FailureKind.MODEL), "stored");

        assertThat(row.status()).isEqualTo("WAITING");
        assertThat(row.text()).isEqualTo("Stored · waiting for the caption model");
        assertThat(row.detail()).isEmpty();
        assertThat(row.retry()).isFalse();
    }

    @Test
    void imageThatCouldNotBeCaptionedSaysWhyAndOffersRetry() {
        UploadRowText row = UploadRowText.of(failed("the image could not be decoded", FailureKind.IMAGE), "stored");

        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.text()).isEqualTo("Captioning failed:");
        assertThat(row.detail()).isEqualTo("the image could not be decoded");
        assertThat(row.retry()).isTrue();
    }

    private static ImageSummary failed(String reason, FailureKind kind) {
        return new ImageSummary(
                UUID.randomUUID(),
                "photo.png",
                "image/png",
                160,
                120,
                1234,
                ImageStatus.FAILED,
                null,
                reason,
                null,
                null,
                Instant.EPOCH,
                false,
                PhotoFacts.UNKNOWN,
                null,
                kind);
    }
}
