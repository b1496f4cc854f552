package dev.glimpse.search;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the index match the database: adds missing images, replaces changed captions, removes strays. */
public class IndexRepair {

    private static final Logger log = LoggerFactory.getLogger(IndexRepair.class);

    private final ImageIndex index;
    private final ReadyImages source;

    public IndexRepair(ImageIndex index, ReadyImages source) {
        this.index = index;
        this.source = source;
    }

    /** What a repair changed. */
    public record Result(int added, int updated, int removed, int unchanged) {}

    public Result repair() {
        Map<UUID, String> indexed = index.captionsById();
        Set<UUID> ready = new HashSet<>();
        int[] counts = new int[3];
        source.forEachReady(image -> {
            ready.add(image.id());
            String caption = indexed.get(image.id());
            if (caption == null) {
                index.upsert(image);
                counts[0]++;
            } else if (!Objects.equals(caption, image.caption())) {
                index.upsert(image);
                counts[1]++;
            } else {
                counts[2]++;
            }
        });
        int removed = 0;
        for (UUID id : indexed.keySet()) {
            if (!ready.contains(id)) {
                index.delete(id);
                removed++;
            }
        }
        Result result = new Result(counts[0], counts[1], removed, counts[2]);
        log.info(
                "Index checked against the database: {} added, {} updated, {} removed, {} already right",
                result.added(),
                result.updated(),
                result.removed(),
                result.unchanged());
        return result;
    }

    /** Empties the index and fills it again from the database. */
    public Result rebuild() {
        index.clear();
        return repair();
    }
}
