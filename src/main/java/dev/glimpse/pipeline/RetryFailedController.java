package dev.glimpse.pipeline;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/images/retry-failed}: queues every FAILED image again and says how many ({@code {"queued": n}}). */
@RestController
class RetryFailedController {

    private final FailedImageRetry retry;

    RetryFailedController(FailedImageRetry retry) {
        this.retry = retry;
    }

    @PostMapping("/api/images/retry-failed")
    ResponseEntity<Queued> retryFailed() {
        return ResponseEntity.accepted().body(new Queued(retry.retryAllFailed()));
    }

    /** How many images were queued again. */
    record Queued(int queued) {}
}
