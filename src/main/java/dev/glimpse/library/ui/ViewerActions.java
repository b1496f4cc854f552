package dev.glimpse.library.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What can be done with the photo shown: download the original, re-caption (asking before replacing a caption a
 * person wrote), delete (confirmed; the page does the deleting) and "More like this", whose tiles show their image in
 * place.
 */
final class ViewerActions {

    private final ImageQueries queries;
    private final ImageCommands commands;
    private final Consumer<ImageSummary> showOther;
    private final Consumer<ImageSummary> delete;
    private final Anchor download = new Anchor();
    private final Div similar = new Div();
    private final H3 similarTitle = new H3("More like this");
    private @Nullable ImageSummary image;

    ViewerActions(
            ImageQueries queries,
            ImageCommands commands,
            Consumer<ImageSummary> showOther,
            Consumer<ImageSummary> delete) {
        this.queries = queries;
        this.commands = commands;
        this.showOther = showOther;
        this.delete = delete;
        similar.setId("viewer-similar");
        similar.addClassName("photo-tiles");
        similarTitle.addClassName("viewer-similar-title");
        similarTitle.setVisible(false);
    }

    Div similar() {
        return similar;
    }

    H3 similarTitle() {
        return similarTitle;
    }

    /** The image shown now; {@code other} when it is not the one shown before ("More like this" is cleared). */
    void show(ImageSummary now, boolean other) {
        image = now;
        download.setHref(now.contentUrl());
        download.getElement().setAttribute("download", now.fileName());
        if (other) {
            similar.removeAll();
            similarTitle.setVisible(false);
        }
    }

    Div buttons() {
        download.setText("Download original");
        download.setId("viewer-download");
        download.addClassName("viewer-download");
        Button recaption = new Button("Re-caption", click -> recaption());
        recaption.setId("viewer-recaption");
        Button remove = new Button("Delete…", click -> confirmDelete());
        remove.setId("viewer-delete");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button more = new Button("More like this", click -> moreLikeThis());
        more.setId("viewer-more");
        Div actions = new Div(download, recaption, more, remove);
        actions.addClassName("viewer-actions");
        return actions;
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
        if (commands.recaption(image.id(), replace)) {
            queries.find(image.id()).ifPresent(showOther); // waiting at once, not when the change comes round
        } else {
            Notification.show("That image is being captioned already.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }

    private void confirmDelete() {
        ImageSummary doomed = image;
        ConfirmDialog ask = new ConfirmDialog(
                "Delete “" + doomed.fileName() + "”?",
                "It disappears from the library and from search. You can undo this for a few seconds.",
                "Delete",
                confirm -> delete.accept(doomed));
        ask.setConfirmButtonTheme("error primary");
        ask.setCancelable(true);
        ask.setId("confirm-delete");
        ask.open();
    }

    private void moreLikeThis() {
        ImageSummary of = image;
        UI ui = UI.getCurrent();
        similar.removeAll();
        similarTitle.setVisible(true);
        similar.setText("Looking…");
        queries.similar(of.id())
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
                        found.forEach(like -> similar.add(new PhotoTile(like.image(), showOther)));
                    }
                }));
    }
}
