package dev.glimpse.ml.hub;

/**
 * A model could not be made available locally: a required file is missing in offline mode, the hub refused or
 * broke a download, or a downloaded file failed verification. The message says which file and what to do; the
 * {@link Kind} says why in a way operators' tools (health, metrics) can tell apart.
 */
public final class HubException extends RuntimeException {

    /** Why the model could not be made available. */
    public enum Kind {
        /** Offline mode ({@code glimpse.models.offline=true}) and the files are not in the store. */
        OFFLINE("offline mode, and the files are not in the model folder"),
        /** The hub's host name does not resolve (no DNS, or a firewall that blocks it). */
        HOST_NOT_FOUND("host not found"),
        /** The hub's host refused the connection. */
        CONNECTION_REFUSED("connection refused"),
        /** Any other network failure reaching the hub (time-out, reset, TLS). */
        UNREACHABLE("the hub cannot be reached"),
        /** The hub does not have the repository or its files (HTTP 404). */
        NOT_FOUND("not found on the hub (404)"),
        /** The hub refused the request (private, gated, other HTTP errors). */
        REFUSED("the hub refused the download"),
        /** A downloaded file did not match the size or checksum the hub advertised. */
        CHECKSUM_MISMATCH("checksum mismatch"),
        /** A model configured as a local folder whose folder (or its config.json) does not exist. */
        FOLDER_MISSING("the model folder does not exist"),
        /** Anything else (a local file that cannot be written, ...). */
        OTHER("model files could not be prepared");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** A few words for people: "host not found". */
        public String words() {
            return words;
        }
    }

    private final Kind kind;

    public HubException(String message) {
        this(Kind.OTHER, message, null);
    }

    public HubException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public HubException(Kind kind, String message) {
        this(kind, message, null);
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
