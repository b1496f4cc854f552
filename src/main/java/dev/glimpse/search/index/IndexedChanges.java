package dev.glimpse.search.index;

import java.util.List;
import java.util.UUID;

/**
 * Published by the {@link IndexFollower} after it applied changes from the change log to this instance's index: the
 * images that changed, on any instance, in the order of their changes. The library tells open pages and the pipeline
 * from it.
 */
public record IndexedChanges(List<UUID> ids) {

    public IndexedChanges {
        ids = List.copyOf(ids);
    }
}
