package dev.glimpse.library.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One image in a photo grid: its thumbnail with the caption under it (or where it stands: waiting, captioning,
 * failed), a native button that opens the photo page (click or Enter), and, where the grid allows it, a checkbox
 * that selects it (click, or Space on the tile). The thumbnail is there as soon as the image is stored; until the
 * caption comes the file name stands in its place, marked as a placeholder.
 */
public class PhotoTile extends Div {

    private final NativeButton open = new NativeButton();
    private final Image thumbnail = new Image();
    private final Span caption = new Span();
    private final Span note = new Span();
    private @Nullable Checkbox select;
    private ImageSummary image;

    public PhotoTile(ImageSummary image, Consumer<ImageSummary> onOpen) {
        addClassName("photo-tile");
        thumbnail.addClassName("photo-tile-image");
        caption.addClassName("photo-tile-caption");
        note.addClassName("photo-tile-note");
        open.addClassName("photo-tile-open");
        open.add(thumbnail);
        open.addClickListener(click -> onOpen.accept(this.image));
        add(open, caption, note);
        show(image);
    }

    /** Adds the selection checkbox, ticked when {@code selected}. */
    public PhotoTile selectable(boolean selected, BiConsumer<ImageSummary, Boolean> onSelect) {
        select = new Checkbox();
        select.addClassName("photo-tile-select");
        select.setValue(selected);
        select.setAriaLabel("Select " + image.fileName());
        select.getElement().setAttribute("tabindex", "-1"); // one Tab stop per tile: Space on the tile selects
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                onSelect.accept(image, change.getValue());
            }
        });
        addComponentAsFirst(select);
        setSelected(selected);
        return this;
    }

    public void setSelected(boolean selected) {
        if (select != null) {
            select.setValue(selected);
        }
        getElement().setAttribute("data-selected", selected);
    }

    public ImageSummary image() {
        return image;
    }

    /** Shows the image as it is now. */
    public void show(ImageSummary now) {
        this.image = now;
        getElement().setAttribute("data-image-id", now.id().toString());
        getElement().setAttribute("data-status", now.status().name());
        thumbnail.setSrc(now.thumbnailUrl());
        thumbnail.setAlt(now.caption() == null ? now.fileName() : now.caption());
        String label = now.caption() == null ? now.fileName() : now.caption();
        open.getElement().setAttribute("aria-label", "Open " + label);
        open.getElement().setAttribute("title", now.fileName());
        caption.setText(now.caption() == null ? now.fileName() : now.caption());
        caption.getElement().setAttribute("data-pending", now.caption() == null); // styled as a placeholder
        note.setText(
                switch (now.status()) {
                    case RECEIVED -> "Waiting to be captioned";
                    case CAPTIONING -> "Captioning…";
                    case FAILED -> "Captioning failed";
                    case DELETED -> "Deleted";
                    case READY -> "";
                });
        note.setVisible(now.status() != ImageStatus.READY);
    }
}
