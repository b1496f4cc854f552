package dev.glimpse.ingest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.UUID;
import java.util.function.Consumer;

/** One uploaded file on the page: its preview, where it is on the way to a caption, and the caption when done. */
class UploadCard extends Div {

    private final UUID imageId;
    private final Span status = new Span();
    private final Span caption = new Span();
    private final ProgressBar spinner = new ProgressBar();
    private final Button retry = new Button("Retry");

    UploadCard(ImageSummary image, Consumer<UUID> onRetry) {
        this.imageId = image.id();
        addClassName("upload-card");
        getElement().setAttribute("data-image-id", image.id().toString());
        Image thumbnail = new Image(image.thumbnailUrl(), image.fileName());
        thumbnail.setHeight("140px");
        thumbnail.getStyle().set("object-fit", "cover").set("border-radius", "var(--lumo-border-radius-m)");
        Span name = new Span(image.fileName());
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
        status.addClassName("status");
        caption.addClassName("caption");
        spinner.setIndeterminate(true);
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.addClickListener(click -> onRetry.accept(imageId));
        add(thumbnail, name, spinner, status, caption, retry);
        getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)")
                .set("width", "220px")
                .set("padding", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        show(image);
    }

    UUID imageId() {
        return imageId;
    }

    void show(ImageSummary image) {
        getElement().setAttribute("data-status", image.status().name());
        spinner.setVisible(image.status() == ImageStatus.CAPTIONING || image.status() == ImageStatus.RECEIVED);
        retry.setVisible(image.status() == ImageStatus.FAILED);
        status.setText(
                switch (image.status()) {
                    case RECEIVED -> "Queued for captioning";
                    case CAPTIONING -> "Captioning…";
                    case READY -> "Done";
                    case FAILED -> "Failed: " + image.failureReason();
                });
        caption.setText(image.status() == ImageStatus.READY ? image.caption() : "");
    }

    void showDeleted() {
        getElement().setAttribute("data-status", "DELETED");
        spinner.setVisible(false);
        retry.setVisible(false);
        status.setText("Deleted");
        caption.setText("");
    }
}
