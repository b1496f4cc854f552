package dev.glimpse.library;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One image large: its caption (editable), everything known about it, ← → to the previous and next image of the
 * list it was opened from, download, re-caption (live progress, asking before replacing a caption a person wrote),
 * delete (confirmed, with a few seconds to undo) and "More like this". Changes to the image anywhere are pushed in.
 *
 * <p>Over 200 lines because it wires one dialog's many controls; edits go through {@link ImageEdits}.
 */
public final class ImageViewer extends Dialog {

    /** The images around the one shown, in the order of the list the viewer was opened from. */
    public interface Navigation {
        Optional<ImageSummary> step(ImageSummary from, int delta);
    }

    private final ImageService service;
    private final ImageEdits edits;
    private final Navigation navigation;
    private final Image picture = new Image();
    private final ViewerCaption caption;
    private final ViewerFacts facts = new ViewerFacts();
    private final Paragraph taken = new Paragraph();
    private final Anchor download = new Anchor();
    private final Button previous = new Button("← Previous", click -> step(-1));
    private final Button next = new Button("Next →", click -> step(1));
    private final Div similar = new Div();
    private final H3 moreLikeThisTitle = new H3("More like this");
    private @Nullable ImageSummary image;
    private @Nullable Subscription changes;

    public ImageViewer(ImageSummary image, ImageService service, ImageEdits edits, Navigation navigation) {
        this.service = service;
        this.edits = edits;
        this.navigation = navigation;
        this.caption = new ViewerCaption(edits, this::captionSaved);
        setId("viewer");
        addClassName("viewer");
        setWidth("min(1100px, 100vw)");
        setMaxWidth("100vw");
        getElement().setAttribute("aria-label", "Image viewer");
        Button close = new Button("Close", click -> close());
        close.setId("viewer-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getHeader().add(close);
        picture.setId("viewer-image");
        picture.addClassName("viewer-image");
        previous.setId("viewer-previous");
        next.setId("viewer-next");
        Div stepping = new Div(previous, next);
        stepping.addClassName("viewer-stepping");
        taken.setId("viewer-taken");
        taken.addClassName("viewer-taken");
        Div side = new Div(caption, taken, facts, actions());
        side.addClassName("viewer-side");
        Div body = new Div(new Div(picture, stepping), side);
        body.addClassName("viewer-body");
        similar.setId("viewer-similar");
        similar.addClassName("photo-tiles");
        moreLikeThisTitle.addClassName("viewer-similar-title");
        moreLikeThisTitle.setVisible(false);
        add(body, moreLikeThisTitle, similar);
        Shortcuts.addShortcutListener(this, () -> stepUnlessEditing(-1), Key.ARROW_LEFT)
                .listenOn(this);
        Shortcuts.addShortcutListener(this, () -> stepUnlessEditing(1), Key.ARROW_RIGHT)
                .listenOn(this);
        show(image);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        changes = service.onChange((id, changed) -> ui.access(() -> {
            if (image != null && id.equals(image.id())) {
                if (changed == null || changed.status() == ImageStatus.DELETED) {
                    caption.showGone();
                } else {
                    show(changed);
                }
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (changes != null) {
            changes.close();
            changes = null;
        }
    }

    ImageSummary image() {
        return image;
    }

    private void show(ImageSummary now) {
        boolean other = image == null || !image.id().equals(now.id());
        image = now;
        setHeaderTitle(now.fileName());
        getElement().setAttribute("data-image-id", now.id().toString());
        picture.setSrc(now.displayUrl());
        picture.setAlt(now.caption() == null ? now.fileName() : now.caption());
        caption.show(now);
        facts.show(now);
        taken.setText(CaptureLine.of(now.facts()));
        taken.setVisible(!taken.getText().isEmpty());
        download.setHref(now.contentUrl());
        download.getElement().setAttribute("download", now.fileName());
        previous.setEnabled(navigation.step(now, -1).isPresent());
        next.setEnabled(navigation.step(now, 1).isPresent());
        if (other) {
            similar.removeAll();
            moreLikeThisTitle.setVisible(false);
        }
    }

    private Div actions() {
        download.setText("Download original");
        download.setId("viewer-download");
        download.addClassName("viewer-download");
        Button recaption = new Button("Re-caption", click -> recaption());
        recaption.setId("viewer-recaption");
        Button delete = new Button("Delete…", click -> confirmDelete());
        delete.setId("viewer-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button more = new Button("More like this", click -> moreLikeThis());
        more.setId("viewer-more");
        Div actions = new Div(download, recaption, more, delete);
        actions.addClassName("viewer-actions");
        return actions;
    }

    private void stepUnlessEditing(int delta) {
        if (!caption.editing()) {
            step(delta);
        }
    }

    private void step(int delta) {
        navigation.step(image, delta).ifPresent(this::show);
    }

    private void captionSaved(ImageSummary saved) {
        show(saved);
    }

    private void recaption() {
        if (image.captionByPerson()) {
            ConfirmDialog ask = new ConfirmDialog(
                    "Replace your caption?",
                    "A person wrote this caption. Captioning again replaces it with the model's caption.",
                    "Replace it",
                    confirm -> requeue(true));
            ask.setCancelable(true);
            ask.setCancelText("Keep mine");
            ask.setId("confirm-recaption");
            ask.open();
        } else {
            requeue(false);
        }
    }

    private void requeue(boolean replace) {
        if (!service.recaption(image.id(), replace)) {
            notify("That image is being captioned already.", NotificationVariant.LUMO_CONTRAST);
        }
    }

    private void confirmDelete() {
        ImageSummary doomed = image;
        ConfirmDialog ask = new ConfirmDialog(
                "Delete “" + doomed.fileName() + "”?",
                "It disappears from the library and from search. You can undo this for a few seconds.",
                "Delete",
                confirm -> {
                    close();
                    UndoableDelete.delete(edits, doomed);
                });
        ask.setConfirmButtonTheme("error primary");
        ask.setCancelable(true);
        ask.setId("confirm-delete");
        ask.open();
    }

    private void moreLikeThis() {
        ImageSummary of = image;
        UI ui = UI.getCurrent();
        similar.removeAll();
        moreLikeThisTitle.setVisible(true);
        similar.setText("Looking…");
        edits.similar(of.id())
                .whenComplete((found, error) -> ui.access(() -> {
                    if (image == null || !image.id().equals(of.id())) {
                        return;
                    }
                    similar.removeAll();
                    if (error != null) {
                        similar.setText("Similar images cannot be found right now.");
                    } else if (found.isEmpty()) {
                        similar.setText(
                                of.status() == ImageStatus.READY
                                        ? "No other captioned images yet."
                                        : "Not captioned yet.");
                    } else {
                        found.forEach(like -> similar.add(new PhotoTile(like.image(), this::show)));
                    }
                }));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
