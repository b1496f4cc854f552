package dev.glimpse.ingest;

import dev.glimpse.search.IndexedImage;
import dev.glimpse.search.ReadyImages;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gives the search index the captioned images it must hold. */
@Component
class ReadyImagesFromDatabase implements ReadyImages {

    private final ImageRepository images;

    ReadyImagesFromDatabase(ImageRepository images) {
        this.images = images;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachReady(Consumer<IndexedImage> consumer) {
        images.findByStatus(ImageStatus.READY)
                .forEach(image ->
                        consumer.accept(new IndexedImage(image.getId(), image.getCaption(), image.getEmbedding())));
    }
}
