package dev.glimpse.search;

import dev.glimpse.serving.BusyException;
import dev.glimpse.serving.ModelUnavailableException;
import dev.glimpse.speech.AudioDecodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One sentence for the person searching, whatever went wrong. */
public final class SearchFailures {

    public static final String BUSY = "Glimpse is busy right now; please try again in a moment.";
    public static final String UNEXPECTED = "The search did not work this time; please try again.";

    private static final Logger log = LoggerFactory.getLogger(SearchFailures.class);

    private SearchFailures() {}

    /** Trying again cannot help until the operator makes the model available: say so, not "try again". */
    /** Says which model is missing and why, then what still works. */
    public static String unavailable(ModelUnavailableException missing) {
        String message = missing.getMessage();
        String why = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        why = why.endsWith(".") ? why : why + ".";
        return "speech".equals(missing.role())
                ? why + " Voice search is not available; type your search instead."
                : why + " Search is not available until it is.";
    }

    public static String message(Throwable failure) {
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
