package dev.glimpse.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an {@link Image} that say how it arrived: uploaded (captioned first) or imported from a folder
 * (captioned after every upload waiting, with its path inside the imported folder).
 */
@Embeddable
class OriginColumns {

    /** Photos a person uploads on the page or through the API: captioned first. */
    static final short UPLOAD_PRIORITY = 1;

    /** Photos of a folder import: captioned after every upload waiting. */
    static final short IMPORT_PRIORITY = 0;

    /** Where an imported image came from: its path inside the imported folder; null for uploads. */
    @Column(name = "source_path", length = 1024)
    private @Nullable String sourcePath;

    /** Captioned before images of lower priority: {@link #UPLOAD_PRIORITY} or {@link #IMPORT_PRIORITY}. */
    @Column(nullable = false)
    private short priority = UPLOAD_PRIORITY;

    void importedFrom(String sourcePath) {
        this.sourcePath = sourcePath;
        this.priority = IMPORT_PRIORITY;
    }

    @Nullable
    String sourcePath() {
        return sourcePath;
    }
}
