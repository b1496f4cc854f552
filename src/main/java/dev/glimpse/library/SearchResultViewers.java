package dev.glimpse.library;

import dev.glimpse.search.ImageViewers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Lets the search page show file names and open the library's viewer, stepping through the results. */
@Component
class SearchResultViewers implements ImageViewers {

    private final ImageService service;
    private final ImageEdits edits;

    SearchResultViewers(ImageService service, ImageEdits edits) {
        this.service = service;
        this.edits = edits;
    }

    @Override
    public Map<UUID, String> fileNames(Collection<UUID> ids) {
        return service.fileNames(ids);
    }

    @Override
    public void open(List<UUID> ids, UUID first) {
        service.find(first)
                .ifPresent(image ->
                        new ImageViewer(image, service, edits, (from, delta) -> step(ids, from, delta)).open());
    }

    private Optional<ImageSummary> step(List<UUID> ids, ImageSummary from, int delta) {
        int at = ids.indexOf(from.id());
        for (int i = at + delta; at >= 0 && i >= 0 && i < ids.size(); i += delta) {
            Optional<ImageSummary> found = service.find(ids.get(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
