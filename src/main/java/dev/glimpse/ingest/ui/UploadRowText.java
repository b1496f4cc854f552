package dev.glimpse.ingest.ui;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.library.FailureKind;
import dev.glimpse.library.ImageSummary;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one row of the upload tray says about a file, worked out on the server and drawn by the browser
 * ({@code frontend/upload-tray.ts}): a status the page styles ({@code data-status}), how the pick's summary counts it
 * ({@code outcome}), a mark, a short state, the details, the image it became and whether <em>Retry</em> applies.
 * {@code resend} says that nothing was stored for a reason that passes (storage away), so the browser keeps the file
 * and may send it again.
 */
record UploadRowText(
        String status,
        String outcome,
        String mark,
        String text,
        String detail,
        @Nullable UUID imageId,
        boolean retry,
        boolean resend) {

    static UploadRowText of(IngestOutcome outcome, @Nullable ImageSummary now) {
        return switch (outcome) {
            case IngestOutcome.Stored stored -> of(now == null ? stored.image() : now, "stored");
            case IngestOutcome.Duplicate duplicate ->
                new UploadRowText(
                        "DUPLICATE",
                        "duplicate",
                        "=",
                        "Already in your library",
                        "as “" + duplicate.existing().fileName() + "”",
                        duplicate.existing().id(),
                        false,
                        false);
            case IngestOutcome.Refused refused -> refused("it " + refused.reason() + ".");
            case IngestOutcome.Unavailable unavailable ->
                new UploadRowText(
                        "REFUSED",
                        unavailable.full() ? "full" : "unavailable",
                        "✗",
                        "Not stored:",
                        unavailable.reason() + ".",
                        null,
                        false,
                        !unavailable.full());
        };
    }

    /** A file refused before it was stored, by the browser or the server, with the whole sentence. */
    static UploadRowText refused(String detail) {
        return new UploadRowText("REFUSED", "refused", "✗", "Refused:", detail, null, false, false);
    }

    /** A stored image as it is now; {@code outcome} is how its upload counts ("stored"). */
    static UploadRowText of(ImageSummary image, String outcome) {
        return switch (image.status()) {
            case RECEIVED -> stored(image, outcome, "RECEIVED", "⋯", "Stored · queued for captioning", "");
            case CAPTIONING -> stored(image, outcome, "CAPTIONING", "⋯", "Captioning…", "");
            case READY -> stored(image, outcome, "READY", "✓", "Done:", text(image.caption()));
            case FAILED ->
                image.failureKind() == FailureKind.MODEL
                        // not the image's fault: it is captioned by itself once the model is back
                        ? stored(image, outcome, "WAITING", "⋯", "Stored · waiting for the caption model", "")
                        : new UploadRowText(
                                "FAILED",
                                outcome,
                                "✗",
                                "Captioning failed:",
                                text(image.failureReason()),
                                image.id(),
                                true,
                                false);
            case DELETED -> deleted(image.id(), outcome);
        };
    }

    static UploadRowText deleted(UUID id, String outcome) {
        return stored(id, outcome, "DELETED", "–", "Deleted", "");
    }

    private static UploadRowText stored(
            ImageSummary image, String outcome, String status, String mark, String text, String detail) {
        return stored(image.id(), outcome, status, mark, text, detail);
    }

    private static UploadRowText stored(
            UUID id, String outcome, String status, String mark, String text, String detail) {
        return new UploadRowText(status, outcome, mark, text, detail, id, false, false);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
