package dev.glimpse.ingest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** One image large, with everything known about it, and the actions on it: delete and re-caption. */
class ImageDetailDialog extends Dialog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    ImageDetailDialog(ImageSummary image, Consumer<UUID> onDelete, Consumer<UUID> onRecaption) {
        setHeaderTitle(image.fileName());
        setId("image-detail");
        Image large = new Image(image.contentUrl(), image.caption() == null ? image.fileName() : image.caption());
        large.setMaxWidth("min(80vw, 900px)");
        large.setMaxHeight("60vh");
        Paragraph caption = new Paragraph(image.caption() == null ? statusText(image) : image.caption());
        caption.setId("detail-caption");
        caption.getStyle().set("font-size", "var(--lumo-font-size-l)");
        VerticalLayout facts = new VerticalLayout(
                large,
                caption,
                fact("Dimensions", image.width() + " × " + image.height() + " pixels"),
                fact("Size", String.format(Locale.ROOT, "%.1f KB (%s)", image.byteSize() / 1024.0, image.mimeType())),
                fact("Uploaded", TIME.format(image.createdAt())),
                fact("Caption model", orDash(image.captionModel())),
                fact("Embedding model", orDash(image.embeddingModel())));
        facts.setPadding(false);
        add(facts);
        Button delete = new Button("Delete", click -> {
            onDelete.accept(image.id());
            close();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("detail-delete");
        Button recaption = new Button("Re-caption", click -> {
            onRecaption.accept(image.id());
            close();
        });
        recaption.setId("detail-recaption");
        Button done = new Button("Close", click -> close());
        getFooter().add(delete, recaption, done);
    }

    private static Span fact(String label, String value) {
        Span fact = new Span(label + ": " + value);
        fact.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return fact;
    }

    private static String statusText(ImageSummary image) {
        return switch (image.status()) {
            case RECEIVED -> "Waiting to be captioned";
            case CAPTIONING -> "Being captioned…";
            case READY -> "";
            case FAILED -> "Captioning failed: " + image.failureReason();
        };
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
