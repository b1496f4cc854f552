package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageRefusedException;
import dev.glimpse.library.ImageSummary;

/** What happened to one uploaded file. */
public sealed interface IngestOutcome {

    String fileName();

    /** The image was stored and is waiting to be captioned. */
    record Stored(String fileName, ImageSummary image) implements IngestOutcome {}

    /** The same bytes were stored before; nothing new was stored. */
    record Duplicate(String fileName, ImageSummary existing) implements IngestOutcome {}

    /** The file is not an acceptable image ({@code kind} says how); nothing was stored. */
    record Refused(String fileName, String reason, ImageRefusedException.Kind kind) implements IngestOutcome {

        public Refused(String fileName, String reason) {
            this(fileName, reason, ImageRefusedException.Kind.UNACCEPTABLE);
        }
    }

    /**
     * Storage could not be reached, or is full ({@code full}); nothing was stored and the upload can be tried again
     * once storage is back or has room.
     */
    record Unavailable(String fileName, String reason, boolean full) implements IngestOutcome {

        static final String UNAVAILABLE = "storage is unavailable right now, please try again later";
        static final String FULL = "storage is full; it can be tried again once space has been freed";

        /** Nothing was stored: the storage is away ({@code full}: out of space); the sender may try again. */
        public static Unavailable of(String fileName, boolean full) {
            return new Unavailable(fileName, full ? FULL : UNAVAILABLE, full);
        }
    }

    /** One sentence for the person who uploaded the file. */
    default String message() {
        return switch (this) {
            case Stored s -> "\"" + s.fileName() + "\" was stored.";
            case Duplicate d ->
                "\"" + d.fileName() + "\" is already in your library as \""
                        + d.existing().fileName() + "\".";
            case Refused r -> "\"" + r.fileName() + "\" was refused: it " + r.reason() + ".";
            case Unavailable u -> "\"" + u.fileName() + "\" could not be stored: " + u.reason() + ".";
        };
    }
}
