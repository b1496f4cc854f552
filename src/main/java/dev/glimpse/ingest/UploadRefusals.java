package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageInspector;

/**
 * The reasons a file is refused before it is stored, in one wording for the server's checks, the browser's checks
 * (the upload component is given the same sentences) and the JSON API. Each reason completes "the file …" and names
 * the configured limit; {@link IngestOutcome#message()} adds the file name and the full stop.
 */
public final class UploadRefusals {

    /** The types accepted, as people name them. */
    public static final String ACCEPTED = ImageInspector.ACCEPTED;

    private UploadRefusals() {}

    public static String tooLarge(UploadProperties limits) {
        return ImageInspector.tooLarge(limits.maxBytes().toBytes());
    }

    public static String notAnImage() {
        return ImageInspector.notAnImage();
    }

    public static String tooMany(UploadProperties limits) {
        return "was not sent: at most " + limits.maxFilesPerUpload() + " files are taken per drop or pick";
    }
}
