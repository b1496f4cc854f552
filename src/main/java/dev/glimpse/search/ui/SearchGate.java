package dev.glimpse.search.ui;

import dev.glimpse.ratelimit.RateLimiter;
import java.util.Optional;

/** Decides, for the client of the current request, whether a search may run now; the answer says why not. */
@FunctionalInterface
interface SearchGate {

    SearchGate OPEN = spoken -> Optional.empty();

    /** Empty when the search may run, else the sentence to show. */
    Optional<String> refuse(boolean spoken);

    static SearchGate of(RateLimiter limiter) {
        return spoken -> {
            RateLimiter.Decision decision =
                    limiter.acquire(spoken ? RateLimiter.Action.TRANSCRIPTION : RateLimiter.Action.SEARCH);
            return decision.allowed() ? Optional.empty() : Optional.of(decision.message());
        };
    }
}
