package dev.glimpse.ingest;

import dev.glimpse.library.ImageSummary;

/** What happened to one uploaded file. */
public sealed interface IngestOutcome {

    String fileName();

    /** The image was stored and is waiting to be captioned. */
    record Stored(String fileName, ImageSummary image) implements IngestOutcome {}

    /** The same bytes were stored before; nothing new was stored. */
    record Duplicate(String fileName, ImageSummary existing) implements IngestOutcome {}

    /** The file is not an acceptable image; nothing was stored. */
    record Refused(String fileName, String reason) implements IngestOutcome {}

    /** Storage could not be reached; nothing was stored and the upload can be tried again. */
    record Unavailable(String fileName, String reason) implements IngestOutcome {}

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
