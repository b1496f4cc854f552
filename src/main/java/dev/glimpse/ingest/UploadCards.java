package dev.glimpse.ingest;

import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The cards of the files uploaded from this page, newest first, each updated as its image changes. */
class UploadCards extends Div {

    private final Map<UUID, UploadCard> cards = new LinkedHashMap<>();
    private final Consumer<UUID> onRetry;

    UploadCards(Consumer<UUID> onRetry) {
        this.onRetry = onRetry;
        setId("upload-cards");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
    }

    void add(ImageSummary image) {
        UploadCard existing = cards.get(image.id());
        if (existing != null) {
            existing.show(image);
            return;
        }
        UploadCard card = new UploadCard(image, onRetry);
        cards.put(image.id(), card);
        addComponentAsFirst(card);
    }

    /** Updates the card of this image, if this page shows one. */
    void update(UUID id, ImageSummary image) {
        UploadCard card = cards.get(id);
        if (card == null) {
            return;
        }
        if (image == null) {
            card.showDeleted();
        } else {
            card.show(image);
        }
    }
}
