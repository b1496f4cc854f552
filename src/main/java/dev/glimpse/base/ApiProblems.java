package dev.glimpse.base;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error that Spring MVC knows (missing parts, bad parameters, {@code ErrorResponseException}s thrown by the
 * controllers) is answered as an RFC 9457 problem ({@code application/problem+json}), and so are query strings the
 * container cannot decode (broken percent-encoding such as {@code q=%zz}), which would otherwise be logged as server
 * errors with a stack trace, and so are changes that raced another change to the same row (409). Feature-specific advice, such as the search API's, runs first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Two changes to one row at once (an API call racing the caption pipeline) that a retry did not settle. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        log.info("Refused a request that raced another change: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The image was changed by someone else at the same moment; please try again.");
        problem.setTitle("Changed meanwhile");
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        log.info("Refused a request whose parameters cannot be decoded");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request's parameters cannot be decoded: use UTF-8 and percent-encoding (%XX with two hex digits).");
        problem.setTitle("Undecodable parameters");
        return problem;
    }
}
