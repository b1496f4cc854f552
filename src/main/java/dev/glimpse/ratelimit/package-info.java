/**
 * Per-client rate limits for the expensive actions: uploads, transcriptions (spoken searches) and searches. Each
 * client (the signed-in user's name, else the remote address) has a token bucket per action that refills at the
 * configured requests per minute; idle buckets expire and at most {@code max-clients} are kept. HTTP API requests
 * over the limit get 429 with {@code Retry-After} and an RFC 9457 problem; views call {@link
 * dev.glimpse.ratelimit.RateLimiter} before running an action and show {@link
 * dev.glimpse.ratelimit.RateLimiter.Decision#message()} when refused.
 */
@NullMarked
package dev.glimpse.ratelimit;

import org.jspecify.annotations.NullMarked;
