package dev.glimpse.search;

import dev.glimpse.ml.BusyException;
import dev.glimpse.ml.ModelUnavailableException;
import dev.glimpse.speech.AudioDecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the search API's failures into RFC 9457 problem details: unreadable recordings and a bad {@code k} are
 * the caller's (400, with the message as the detail) and a full model queue is a temporary 503; Spring MVC's own
 * request errors (missing {@code audio} part, a {@code k} that is not a number) become problems in {@code base.ApiProblems}.
 */
@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems {

    @ExceptionHandler(AudioDecodingException.class)
    ProblemDetail unreadableRecording(AudioDecodingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable recording", e.getMessage());
    }

    @ExceptionHandler(SearchController.InvalidResultCountException.class)
    ProblemDetail invalidResultCount(SearchController.InvalidResultCountException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid number of results", e.getMessage());
    }

    @ExceptionHandler(BusyException.class)
    ProblemDetail busy(BusyException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "Search is busy right now; please try again shortly.");
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ProblemDetail modelMissing(ModelUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Model missing", SearchFailures.unavailable(e));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
