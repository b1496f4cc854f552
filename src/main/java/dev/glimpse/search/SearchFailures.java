package dev.glimpse.search;

import dev.glimpse.ml.BusyException;
import dev.glimpse.ml.ModelUnavailableException;
import dev.glimpse.speech.AudioDecodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One sentence for the person searching, whatever went wrong. */
final class SearchFailures {

    static final String BUSY = "Glimpse is busy right now; please try again in a moment.";
    static final String UNEXPECTED = "The search did not work this time; please try again.";

    private static final Logger log = LoggerFactory.getLogger(SearchFailures.class);

    private SearchFailures() {}

    static String message(Throwable failure) {
        return switch (failure) {
            case AudioDecodingException unreadable -> unreadable.getMessage();
            case BusyException busy -> BUSY;
            case ModelUnavailableException unavailable -> {
                log.warn("Search failed: {}", unavailable.getMessage());
                yield "Search is unavailable right now: " + unavailable.getMessage() + ".";
            }
            default -> {
                log.warn("Search failed", failure);
                yield UNEXPECTED;
            }
        };
    }
}
