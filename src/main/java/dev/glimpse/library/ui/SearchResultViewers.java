package dev.glimpse.library.ui;

import com.vaadin.flow.component.UI;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.search.ImageViewers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Lets the search page show file names and open the photo page, stepping through the results, and tells it which
 * result to focus when it is shown again.
 */
@Component
class SearchResultViewers implements ImageViewers {

    private final ImageQueries service;

    SearchResultViewers(ImageQueries service) {
        this.service = service;
    }

    @Override
    public Map<UUID, String> fileNames(Collection<UUID> ids) {
        return service.fileNames(ids);
    }

    @Override
    public Optional<UUID> focusOnReturn() {
        return ViewerTrail.takeFocus(UI.getCurrent());
    }

    @Override
    public void open(List<UUID> ids, UUID first) {
        service.find(first).ifPresent(image -> new ImageViewer(image, (from, delta) -> step(ids, from, delta)).open());
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
