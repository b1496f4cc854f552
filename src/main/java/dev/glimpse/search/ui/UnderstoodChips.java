package dev.glimpse.search.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import dev.glimpse.search.QueryPart;
import dev.glimpse.search.Understood;
import java.util.function.Consumer;

/**
 * What the search understood of the query, as removable chips ("When: last summer: 1 Jun 2025 – 31 Aug 2025 ×"):
 * removing one tells the page to search again without that part. Styles in the theme ({@code .understood-chip}).
 */
class UnderstoodChips extends Div {

    private final Consumer<QueryPart> removed;

    UnderstoodChips(Consumer<QueryPart> removed) {
        this.removed = removed;
        setId("search-understood");
        addClassName("understood-chips");
        getElement().setAttribute("aria-label", "What the search understood");
        setVisible(false);
    }

    void show(Understood understood) {
        removeAll();
        for (Understood.Chip chip : understood.chips()) {
            add(chip(chip));
        }
        for (String unmatched : understood.unmatched()) {
            Span note = new Span("No photo matches “" + unmatched + "”: searched as words");
            note.addClassName("understood-note");
            add(note);
        }
        setVisible(getComponentCount() > 0);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }

    private Span chip(Understood.Chip chip) {
        Span label = new Span(chip.label());
        NativeButton remove = new NativeButton("×", event -> removed.accept(chip.part()));
        remove.addClassName("understood-chip-remove");
        remove.getElement().setAttribute("aria-label", "Search again without: " + chip.label());
        Span element = new Span(label, remove);
        element.addClassName("understood-chip");
        element.getElement().setAttribute("data-part", chip.part().key());
        return element;
    }
}
