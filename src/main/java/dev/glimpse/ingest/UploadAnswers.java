package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageRefusedException;
import dev.glimpse.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP status of an upload request, from what happened to its files (the body lists each file either way):
 *
 * <ul>
 *   <li>201 when at least one file was stored; 200 when none was but at least one is already in the library;
 *   <li>503 with {@code Retry-After} when nothing is in the library and storage was unavailable or full for at least
 *       one file: trying again later can succeed (30 s while storage is away, 5 min when it is full, since freeing
 *       space needs a person);
 *   <li>otherwise every file was refused: 413 when all were over the size limit, 415 when all were of a type not
 *       accepted, 422 for any other reason or a mix of reasons (damaged, empty, too many pixels).
 * </ul>
 */
final class UploadAnswers {

    private UploadAnswers() {}

    static ResponseEntity.BodyBuilder answer(List<IngestOutcome> outcomes) {
        if (any(outcomes, IngestOutcome.Stored.class)) {
            return ResponseEntity.status(HttpStatus.CREATED);
        }
        if (any(outcomes, IngestOutcome.Duplicate.class)) {
            return ResponseEntity.ok();
        }
        if (any(outcomes, IngestOutcome.Unavailable.class)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(retryAfter(outcomes).toSeconds()));
        }
        return ResponseEntity.status(refusalStatus(outcomes));
    }

    private static Duration retryAfter(List<IngestOutcome> outcomes) {
        boolean onlyFull = outcomes.stream()
                .filter(IngestOutcome.Unavailable.class::isInstance)
                .map(IngestOutcome.Unavailable.class::cast)
                .allMatch(IngestOutcome.Unavailable::full);
        return onlyFull
                ? StorageUnavailableException.RETRY_AFTER_FULL
                : StorageUnavailableException.RETRY_AFTER_UNAVAILABLE;
    }

    private static HttpStatus refusalStatus(List<IngestOutcome> outcomes) {
        List<ImageRefusedException.Kind> kinds = outcomes.stream()
                .map(IngestOutcome.Refused.class::cast)
                .map(IngestOutcome.Refused::kind)
                .distinct()
                .toList();
        if (kinds.equals(List.of(ImageRefusedException.Kind.TOO_LARGE))) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (kinds.equals(List.of(ImageRefusedException.Kind.UNSUPPORTED_TYPE))) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private static boolean any(List<IngestOutcome> outcomes, Class<? extends IngestOutcome> kind) {
        return outcomes.stream().anyMatch(kind::isInstance);
    }
}
