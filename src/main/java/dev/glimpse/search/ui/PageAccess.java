package dev.glimpse.search.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

/** Runs a change to a page from any thread, with the page's session locked, and pushes it; nothing once it is gone. */
@FunctionalInterface
interface PageAccess {

    void access(Runnable change);

    /** Changes made through {@link UI#access}; a page that was closed meanwhile is left alone. */
    static PageAccess of(UI ui) {
        return change -> {
            try {
                ui.access(change::run);
            } catch (UIDetachedException e) {
                // the page is gone: nobody is left to show the change to
            }
        };
    }
}
