package dev.glimpse.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the search page asks of the library without depending on it (the library module implements this and already
 * depends on search): the file names of the images found, and the viewer, opened on one of them with ← → through
 * the results.
 */
public interface ImageViewers {

    /** For pages without a library (unit tests): no file names, and the image itself instead of a viewer. */
    ImageViewers NONE = new ImageViewers() {
        @Override
        public Map<UUID, String> fileNames(Collection<UUID> ids) {
            return Map.of();
        }

        @Override
        public void open(List<UUID> ids, UUID first) {}
    };

    /** The result whose tile takes the focus when the results are shown again (the photo page was closed). */
    default Optional<UUID> focusOnReturn() {
        return Optional.empty();
    }

    Map<UUID, String> fileNames(Collection<UUID> ids);

    /** Opens the photo page of {@code first}, stepping through {@code ids} in their order. */
    void open(List<UUID> ids, UUID first);
}
