package dev.glimpse.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needed blob storage while it was unavailable or full (reading an image's bytes during an outage) is
 * answered 503 with {@code Retry-After} as an RFC 9457 problem, and logged as one warning without a stack trace: an
 * outage of the installation, not a bug.
 */
@RestControllerAdvice
@Order(10)
class StorageProblems {

    private static final Logger log = LoggerFactory.getLogger(StorageProblems.class);

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(StorageUnavailableException e) {
        boolean full = e instanceof StorageFullException;
        log.warn("Answered 503: storage is {}: {}", full ? "full" : "unavailable", oneLine(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                full
                        ? "Image storage is full; try again once space has been freed."
                        : "Image storage is unavailable right now; please try again later.");
        problem.setTitle(full ? "Storage full" : "Storage unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(problem);
    }

    private static String oneLine(Throwable e) {
        String message = e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }
}
