package dev.glimpse.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code glimpse.rate-limit.*}: requests per minute per client for each action (also the burst a quiet client may
 * spend at once), how many clients are tracked at most in memory (the least recently seen are forgotten first), and
 * whether the buckets live in PostgreSQL, shared by every instance on the database, instead of in memory.
 */
@ConfigurationProperties("glimpse.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("120") int uploadsPerMinute,
        @DefaultValue("10") int transcriptionsPerMinute,
        @DefaultValue("60") int searchesPerMinute,
        @DefaultValue("10000") int maxClients,
        @DefaultValue("false") boolean shared) {

    public RateLimitProperties {
        if (uploadsPerMinute < 1 || transcriptionsPerMinute < 1 || searchesPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("glimpse.rate-limit values must be at least 1");
        }
    }

    int perMinute(RateLimiter.Action action) {
        return switch (action) {
            case UPLOAD -> uploadsPerMinute;
            case TRANSCRIPTION -> transcriptionsPerMinute;
            case SEARCH -> searchesPerMinute;
        };
    }
}
