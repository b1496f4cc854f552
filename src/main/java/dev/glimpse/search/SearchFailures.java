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

    /** Trying again cannot help until the operator makes the model available: say so, not "try again". */
    static String unavailable(ModelUnavailableException missing) {
        return "speech".equals(missing.role())
                ? "Voice search is not available: the speech model is missing on the server. Type your search instead."
                : "Search is not available: the " + missing.role() + " model is missing on the server.";
    }

    static String message(Throwable failure) {
        return switch (failure) {
            case AudioDecodingException unreadable -> unreadable.getMessage();
            case BusyException busy -> BUSY;
            case ModelUnavailableException missing -> unavailable(missing);
            default -> {
                log.warn("Search failed", failure);
                yield UNEXPECTED;
            }
        };
    }
}
