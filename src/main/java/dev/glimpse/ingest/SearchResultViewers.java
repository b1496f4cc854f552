package dev.glimpse.ingest;

import dev.glimpse.search.ImageViewers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Lets the search page show file names and open the library's viewer, stepping through the results. */
@Component
class SearchResultViewers implements ImageViewers {

    private final IngestService ingest;
    private final ImageEdits edits;
    private final ImageRepository images;

    SearchResultViewers(IngestService ingest, ImageEdits edits, ImageRepository images) {
        this.ingest = ingest;
        this.edits = edits;
        this.images = images;
    }

    @Override
    public Map<UUID, String> fileNames(Collection<UUID> ids) {
        return images.findAllById(ids).stream()
                .filter(image -> image.getStatus() != ImageStatus.DELETED)
                .collect(Collectors.toMap(Image::getId, Image::getOriginalName));
    }

    @Override
    public void open(List<UUID> ids, UUID first) {
        ingest.find(first)
                .ifPresent(
                        image -> new ImageViewer(image, ingest, edits, (from, delta) -> step(ids, from, delta)).open());
    }

    private Optional<ImageSummary> step(List<UUID> ids, ImageSummary from, int delta) {
        int at = ids.indexOf(from.id());
        for (int i = at + delta; at >= 0 && i >= 0 && i < ids.size(); i += delta) {
            Optional<ImageSummary> found = ingest.find(ids.get(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
