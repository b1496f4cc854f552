package dev.glimpse.search;

import dev.glimpse.serving.BusyException;
import dev.glimpse.serving.ModelUnavailableException;
import dev.glimpse.speech.AudioDecodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the search API's failures into RFC 9457 problem details: unreadable recordings and a bad {@code k} are
 * the caller's (400, with the message as the detail) and a full model queue or a model that cannot be loaded is a temporary 503 (logged in one line); Spring MVC's own
 * request errors (missing {@code audio} part, a {@code k} that is not a number) become problems in {@code base.ApiProblems}.
 */
@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems {

    private static final Logger log = LoggerFactory.getLogger(SearchProblems.class);

    @ExceptionHandler(AudioDecodingException.class)
    ProblemDetail unreadableRecording(AudioDecodingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable recording", e.getMessage());
    }

    @ExceptionHandler(SearchController.InvalidResultCountException.class)
    ProblemDetail invalidResultCount(SearchController.InvalidResultCountException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid number of results", e.getMessage());
    }

    @ExceptionHandler(SearchController.InvalidQueryPartException.class)
    ProblemDetail invalidQueryPart(SearchController.InvalidQueryPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown query part", e.getMessage());
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ProblemDetail modelUnavailable(ModelUnavailableException e) {
        log.warn("Search refused: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Model unavailable", SearchFailures.unavailable(e));
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
