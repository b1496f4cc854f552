package dev.glimpse.base;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error that Spring MVC knows (missing parts, bad parameters, {@code ErrorResponseException}s thrown by the
 * controllers) is answered as an RFC 9457 problem ({@code application/problem+json}). Feature-specific advice, such as
 * the search API's, runs first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {}
