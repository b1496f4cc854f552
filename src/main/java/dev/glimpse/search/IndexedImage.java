package dev.glimpse.search;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds for one captioned image: its caption, the caption's unit-length embedding and, when known, when
 * it was taken ({@code takenAt}) and where ({@code place}, English names). Queries can filter on both ("last summer",
 * "in lisbon") even when the caption says nothing of them.
 */
public record IndexedImage(
        UUID id,
        String caption,
        float[] vector,
        @Nullable Instant takenAt,
        @Nullable IndexedPlace place) {

    /** An image whose capture time and place are unknown. */
    public IndexedImage(UUID id, String caption, float[] vector) {
        this(id, caption, vector, null, null);
    }
}
