package dev.glimpse.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Asks whichever list a browser tab shows to put the keyboard focus on an image's tile (after Undo brought it back),
 * without knowing which page that is: the request is an event on the tab's {@link UI}.
 */
final class TileFocus {

    private TileFocus() {}

    /**
     * While {@code list} is on a page, {@code reveal} is asked to focus a tile: the one to focus on return from a photo
     * page ({@link ViewerTrail}), once when the list is attached, and any requested later.
     */
    static void follow(Component list, Consumer<UUID> reveal) {
        AtomicReference<Registration> requests = new AtomicReference<>();
        list.addAttachListener(attach -> {
            ViewerTrail.takeFocus(attach.getUI()).ifPresent(reveal);
            requests.set(listen(attach.getUI(), reveal));
        });
        list.addDetachListener(detach -> {
            Registration registration = requests.getAndSet(null);
            if (registration != null) {
                registration.remove();
            }
        });
    }

    static void request(UI ui, UUID id) {
        ComponentUtil.fireEvent(ui, new Request(ui, id));
    }

    static Registration listen(UI ui, Consumer<UUID> focus) {
        return ComponentUtil.addListener(ui, Request.class, request -> focus.accept(request.id));
    }

    private static final class Request extends ComponentEvent<UI> {
        private final UUID id;

        Request(UI ui, UUID id) {
            super(ui, false);
            this.id = id;
        }
    }
}
