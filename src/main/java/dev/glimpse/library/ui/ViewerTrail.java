package dev.glimpse.library.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the photo page of a browser tab was opened from, kept with the tab's {@link UI}: the list to step through
 * (forgotten when the page is left, so a later direct visit steps through the library), and the image whose tile takes
 * the focus when the list is shown again.
 */
final class ViewerTrail {

    private ImageViewer.@Nullable Navigation navigation;
    private @Nullable UUID focusOnReturn;

    private ViewerTrail() {}

    static void remember(UI ui, ImageViewer.Navigation navigation, UUID opened) {
        ViewerTrail trail = of(ui);
        trail.navigation = navigation;
        trail.focusOnReturn = opened;
    }

    /** The list the page was opened from, if it was opened from one in this tab. */
    static Optional<ImageViewer.Navigation> navigation(UI ui) {
        return Optional.ofNullable(of(ui).navigation);
    }

    /** The photo page is left: its list is forgotten, the tile to focus is kept for the list. */
    static void left(UI ui) {
        of(ui).navigation = null;
    }

    static void focusOnReturn(UI ui, @Nullable UUID id) {
        of(ui).focusOnReturn = id;
    }

    /** The image whose tile should take the focus, once: a second call answers nothing. */
    static Optional<UUID> takeFocus(UI ui) {
        ViewerTrail trail = of(ui);
        UUID id = trail.focusOnReturn;
        trail.focusOnReturn = null;
        return Optional.ofNullable(id);
    }

    private static ViewerTrail of(UI ui) {
        ViewerTrail trail = ComponentUtil.getData(ui, ViewerTrail.class);
        if (trail == null) {
            trail = new ViewerTrail();
            ComponentUtil.setData(ui, ViewerTrail.class, trail);
        }
        return trail;
    }
}
