package dev.glimpse.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits to the HTTP API, after sign-in so that the client is the user when there is one: {@code POST
 * /api/images} is an upload, {@code POST /api/search/voice} a transcription, {@code /api/search} a search. Refused
 * requests get 429, {@code Retry-After} and an RFC 9457 problem whose detail starts with "Slow down:".
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static Optional<RateLimiter.Action> actionOf(String method, String path) {
        return switch (path) {
            case "/api/images" -> method.equals("POST") ? Optional.of(RateLimiter.Action.UPLOAD) : Optional.empty();
            case "/api/search/voice" -> Optional.of(RateLimiter.Action.TRANSCRIPTION);
            case "/api/search" -> Optional.of(RateLimiter.Action.SEARCH);
            default -> Optional.empty();
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<RateLimiter.Action> action = actionOf(request.getMethod(), path);
        if (action.isPresent()) {
            RateLimiter.Decision decision = limiter.acquire(action.get(), ClientKeys.of(request));
            if (!decision.allowed()) {
                refuse(response, path, decision);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String path, RateLimiter.Decision decision)
            throws IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                        + decision.message() + "\",\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/_.-]", "")
                        + "\"}");
    }
}
