package dev.glimpse.pipeline;

import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.LibraryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes for good the images deleted on a page once their undo has run out ({@code glimpse.library.undo-delete}):
 * row, then blobs and index document, as an immediate delete would. Images deleted while the app was down are
 * purged at the next start.
 */
@Component
class DeletedImagePurger extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeletedImagePurger.class);

    private final ImageRepository images;
    private final ImageCommands commands;
    private final LibraryProperties properties;
    private final Clock clock;

    DeletedImagePurger(ImageRepository images, ImageCommands commands, LibraryProperties properties, Clock clock) {
        super("deleted-image-purger", true, every(properties), every(properties));
        this.images = images;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    private static Duration every(LibraryProperties properties) {
        return properties.purgeInterval().compareTo(Duration.ofMillis(100)) < 0
                ? Duration.ofMillis(100)
                : properties.purgeInterval();
    }

    /** Purges what is due now; returns how many images were removed. */
    int purge() {
        Instant cutoff = clock.instant().minus(properties.undoDelete());
        int purged = 0;
        for (var id : images.deletedBefore(cutoff)) {
            if (commands.purge(id, cutoff)) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Removed {} deleted image(s) whose undo ran out", purged);
        }
        return purged;
    }

    @Override
    void run() {
        purge();
    }

    @Override
    void failed(RuntimeException error) {
        log.warn("Purging deleted images failed; trying again in {}", properties.purgeInterval(), error);
    }
}
