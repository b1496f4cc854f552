package dev.glimpse.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;

/** The search page's box shown in the header in place of the header's own ({@link SearchBox#lend}) until given back. */
final class BoxInHeader {

    private final Component box;
    private @Nullable SearchBox lentTo;

    BoxInHeader(Component box) {
        this.box = box;
    }

    /** Lends the box to the header of the page showing in {@code ui}, if it has one. */
    void lend(UI ui) {
        giveBack();
        lentTo = SearchBox.of(ui).orElse(null);
        if (lentTo != null) {
            lentTo.lend(box);
        }
    }

    void giveBack() {
        if (lentTo != null) {
            lentTo.giveBack();
            lentTo = null;
        }
    }
}
