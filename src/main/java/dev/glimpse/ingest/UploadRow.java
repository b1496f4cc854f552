package dev.glimpse.ingest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One file sent from this page, in one place from the moment it is sent until it is captioned or refused: Sending…,
 * then Queued, Captioning… and Done with the caption (pushed live), or ✗ with the reason. Rows that end well fold
 * away by themselves (theme CSS on {@code data-status} and {@code data-outcome}).
 */
class UploadRow extends Div {

    private final String fileName;
    private final Span mark = new Span();
    private final Span state = new Span();
    private final Span detail = new Span();
    private final Button retry = new Button("Retry");
    private UUID imageId;

    UploadRow(String fileName, Consumer<UUID> onRetry) {
        this.fileName = fileName;
        addClassName("upload-result");
        mark.addClassName("upload-mark");
        mark.getElement().setAttribute("aria-hidden", "true");
        Span name = new Span(fileName);
        name.addClassName("upload-name");
        state.addClassName("upload-state");
        detail.addClassName("upload-detail");
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        retry.addClickListener(click -> onRetry.accept(imageId));
        retry.setVisible(false);
        add(mark, name, state, detail, retry);
        status("SENDING", "⋯", "Sending…", "");
    }

    String fileName() {
        return fileName;
    }

    UUID imageId() {
        return imageId;
    }

    boolean sending() {
        return "SENDING".equals(getElement().getAttribute("data-status"));
    }

    /** Whether nothing more will happen to this file here. */
    boolean settled() {
        String status = getElement().getAttribute("data-status");
        return !"SENDING".equals(status) && !"RECEIVED".equals(status) && !"CAPTIONING".equals(status);
    }

    void show(IngestOutcome outcome) {
        getElement().setAttribute("data-outcome", outcomeName(outcome));
        getElement().setAttribute("title", outcome.message());
        switch (outcome) {
            case IngestOutcome.Stored stored -> show(stored.image());
            case IngestOutcome.Duplicate duplicate -> {
                imageId = duplicate.existing().id();
                getElement().setAttribute("data-image-id", imageId.toString());
                status(
                        "DUPLICATE",
                        "=",
                        "Already in your library",
                        "as “" + duplicate.existing().fileName() + "”");
            }
            case IngestOutcome.Refused refused -> status("REFUSED", "✗", "Refused:", "it " + refused.reason() + ".");
            case IngestOutcome.Unavailable unavailable ->
                status("REFUSED", "✗", "Not stored:", unavailable.reason() + ".");
        }
    }

    /** The outcome as the page's summary counts it; storage that is full is told apart from storage that is away. */
    private static String outcomeName(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Unavailable unavailable && unavailable.full()) {
            return "full";
        }
        return outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    void show(ImageSummary image) {
        imageId = image.id();
        getElement().setAttribute("data-image-id", image.id().toString());
        retry.setVisible(image.status() == ImageStatus.FAILED);
        switch (image.status()) {
            case RECEIVED -> status("RECEIVED", "⋯", "Stored · queued for captioning", "");
            case CAPTIONING -> status("CAPTIONING", "⋯", "Captioning…", "");
            case READY -> status("READY", "✓", "Done:", image.caption());
            case FAILED -> status("FAILED", "✗", "Captioning failed:", image.failureReason());
            case DELETED -> status("DELETED", "–", "Deleted", "");
        }
    }

    void showDeleted() {
        retry.setVisible(false);
        status("DELETED", "–", "Deleted", "");
    }

    private void status(String status, String symbol, String text, @Nullable String more) {
        getElement().setAttribute("data-status", status);
        mark.setText(symbol);
        state.setText(text);
        detail.setText(more == null ? "" : more);
    }
}
