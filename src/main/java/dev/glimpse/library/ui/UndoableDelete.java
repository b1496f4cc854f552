package dev.glimpse.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageSummary;
import java.util.List;
import java.util.UUID;

/**
 * Deletes images from a page with a few seconds to take it back: the images disappear at once (library, search,
 * other pages) and a notification offers Undo until the purge removes them for good. After Undo the list shown
 * puts the focus on the (first) image brought back ({@link TileFocus}).
 */
public final class UndoableDelete {

    private UndoableDelete() {}

    public static void delete(ImageCommands commands, ImageSummary image) {
        delete(commands, List.of(image.id()), "“" + image.fileName() + "” deleted.");
    }

    public static void delete(ImageCommands commands, List<UUID> ids, String message) {
        List<UUID> deleted = ids.stream().filter(commands::deleteWithUndo).toList();
        if (deleted.isEmpty()) {
            Notification.show("Already deleted.", 3000, Notification.Position.BOTTOM_START);
            return;
        }
        Notification notification = new Notification();
        notification.setId("undo-delete");
        notification.setDuration((int) commands.undoTime().minusMillis(500).toMillis());
        notification.setPosition(Notification.Position.BOTTOM_START);
        Button undo = new Button("Undo", click -> {
            List<UUID> back = deleted.stream()
                    .filter(id -> commands.undoDelete(id).isPresent())
                    .toList();
            notification.close();
            if (!back.isEmpty()) {
                click.getSource().getUI().ifPresent(ui -> TileFocus.request(ui, back.getFirst()));
            }
            Notification.show(
                    back.size() == deleted.size()
                            ? "Restored."
                            : back.size() + " of " + deleted.size() + " restored; undo ran out.",
                    3000,
                    Notification.Position.BOTTOM_START);
        });
        undo.setId("undo-delete-button");
        undo.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        notification.add(new Span(message), undo);
        notification.open();
        undo.focus();
    }
}
