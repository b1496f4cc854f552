package dev.glimpse.library.ui;

import com.vaadin.flow.component.UI;
import dev.glimpse.library.ImageSummary;
import java.util.Optional;

/**
 * Opens an image's page, {@code /photo/{id}} ({@link PhotoView}), from a list: the list's order is remembered for the
 * page's ← and →, and the tile to focus again when the page is closed. A page opened directly (shared link, reload)
 * steps through the library instead.
 */
public final class ImageViewer {

    /** The images around the one shown, in the order of the list the viewer was opened from. */
    public interface Navigation {
        Optional<ImageSummary> step(ImageSummary from, int delta);
    }

    private final ImageSummary image;
    private final Navigation navigation;

    public ImageViewer(ImageSummary image, Navigation navigation) {
        this.image = image;
        this.navigation = navigation;
    }

    /** Goes to the image's page as a new history entry, so that Back returns to the list. */
    public void open() {
        UI ui = UI.getCurrent();
        ViewerTrail.remember(ui, navigation, image.id());
        ui.navigate(PhotoView.path(image.id()));
    }
}
