package dev.glimpse.library.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The viewer's caption: the text, or where the image stands (waiting, captioning with a progress bar, failed); and
 * an editor in which a person writes a better caption, saved, embedded and re-indexed in the background.
 */
class ViewerCaption extends Div {

    private final ImageCommands commands;
    private final Consumer<ImageSummary> onSaved;
    private final Paragraph text = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Button edit = new Button("Edit caption");
    private final TextArea editor = new TextArea("Caption");
    private final Button save = new Button("Save caption");
    private final Button cancel = new Button("Cancel");
    private final Div editing = new Div(editor, save, cancel);
    private final Paragraph problem = new Paragraph();
    private @Nullable ImageSummary image;

    ViewerCaption(ImageCommands commands, Consumer<ImageSummary> onSaved) {
        this.commands = commands;
        this.onSaved = onSaved;
        addClassName("viewer-caption");
        text.setId("viewer-caption");
        text.getElement().setAttribute("aria-live", "polite");
        progress.setIndeterminate(true);
        progress.setId("viewer-progress");
        progress.getElement().setAttribute("aria-label", "Captioning");
        edit.setId("viewer-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.addClickListener(click -> startEditing());
        editor.setId("viewer-caption-editor");
        editor.setMaxLength(commands.maxCaptionLength());
        editor.setWidthFull();
        save.setId("viewer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(click -> save());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(click -> stopEditing());
        editing.addClassName("viewer-caption-editing");
        editing.setVisible(false);
        problem.setId("viewer-caption-problem");
        problem.addClassName("viewer-problem");
        problem.setVisible(false);
        add(text, progress, edit, editing, problem);
    }

    boolean editing() {
        return editing.isVisible();
    }

    void show(ImageSummary now) {
        boolean other = image == null || !image.id().equals(now.id());
        image = now;
        getElement().setAttribute("data-status", now.status().name());
        text.setText(
                switch (now.status()) {
                    case READY -> now.caption();
                    case RECEIVED -> "Waiting to be captioned…";
                    case CAPTIONING -> "Captioning…";
                    case FAILED -> "Captioning failed: " + now.failureReason();
                    case DELETED -> "Deleted";
                });
        progress.setVisible(now.status() == ImageStatus.RECEIVED || now.status() == ImageStatus.CAPTIONING);
        edit.setEnabled(now.status() == ImageStatus.READY || now.status() == ImageStatus.FAILED);
        if (other) {
            stopEditing();
        }
    }

    void showGone() {
        text.setText("This image has been deleted.");
        progress.setVisible(false);
        edit.setEnabled(false);
        stopEditing();
    }

    private void startEditing() {
        editor.setValue(image.caption() == null ? "" : image.caption());
        editing.setVisible(true);
        edit.setVisible(false);
        problem.setVisible(false);
        editor.focus();
    }

    private void stopEditing() {
        editing.setVisible(false);
        edit.setVisible(true);
        save.setEnabled(true);
    }

    private void save() {
        UI ui = UI.getCurrent();
        ImageSummary of = image;
        save.setEnabled(false);
        problem.setVisible(false);
        commands.editCaption(of.id(), editor.getValue())
                .whenComplete((saved, error) -> ui.access(() -> {
                    save.setEnabled(true);
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                        problem.setText(
                                cause instanceof IllegalArgumentException
                                        ? cause.getMessage()
                                        : "The caption could not be saved: " + cause.getMessage());
                        problem.setVisible(true);
                        return;
                    }
                    stopEditing();
                    onSaved.accept(saved);
                }));
    }
}
