package dev.glimpse.ml.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Names the real cause of a failed connection to the hub. Java's HTTP client reports an unknown host as a
 * {@link ConnectException} whose cause is an {@link UnresolvedAddressException}; this looks through the causes so
 * that the message says "host not found" rather than "connect exception".
 */
final class HubFailures {

    private HubFailures() {}

    static HubException.Kind classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return HubException.Kind.HOST_NOT_FOUND;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return HubException.Kind.UNREACHABLE;
            }
            if (cause instanceof ConnectException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return message.contains("refused") || message.equals("null")
                        ? HubException.Kind.CONNECTION_REFUSED
                        : HubException.Kind.UNREACHABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return HubException.Kind.UNREACHABLE;
    }

    /** A failure to reach {@code host} at all, with the cause named in words. */
    static HubException unreachable(String host, String what, IOException error) {
        HubException.Kind kind = classify(error);
        String detail = switch (kind) {
            case HOST_NOT_FOUND -> "host not found: the name " + host + " does not resolve";
            case CONNECTION_REFUSED -> "connection refused by " + host;
            default -> "the hub cannot be reached (" + error + ")";
        };
        return new HubException(kind, "Cannot reach the model hub to fetch " + what + ": " + detail, error);
    }
}
