package dev.glimpse.search;

import dev.glimpse.ml.BusyException;
import dev.glimpse.speech.AudioDecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the search API's failures into RFC 9457 problem details: unreadable recordings and a bad {@code k} are
 * the caller's (400, with the message as the detail), a full model queue is a temporary 503, and Spring MVC's own
 * request errors (missing {@code audio} part, a {@code k} that is not a number) keep their status as problems too.
 */
@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems extends ResponseEntityExceptionHandler {

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

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
