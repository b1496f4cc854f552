package dev.glimpse.library.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.glimpse.library.LibraryFilter;
import java.util.function.Consumer;

/** The library's filters: which images (all, waiting, failed) and words in the caption or file name. */
final class LibraryFilters extends Div {

    private LibraryFilter filter = LibraryFilter.EVERYTHING;

    /** Calls {@code onChange} with the whole filter whenever a part of it changes. */
    LibraryFilters(Consumer<LibraryFilter> onChange) {
        RadioButtonGroup<LibraryFilter.Show> show = new RadioButtonGroup<>();
        show.setId("library-show");
        show.setAriaLabel("Show");
        show.setItems(LibraryFilter.Show.values());
        show.setItemLabelGenerator(value -> switch (value) {
            case ALL -> "All";
            case WAITING -> "Waiting";
            case FAILED -> "Failed";
        });
        show.setValue(LibraryFilter.Show.ALL);
        show.addValueChangeListener(change -> {
            filter = filter.withShow(change.getValue());
            onChange.accept(filter);
        });
        TextField words = new TextField();
        words.setId("library-filter");
        words.setAriaLabel("Filter by caption or file name");
        words.setPlaceholder("Filter by caption or file name");
        words.setClearButtonVisible(true);
        words.setValueChangeMode(ValueChangeMode.LAZY);
        words.addValueChangeListener(change -> {
            filter = filter.withText(change.getValue());
            onChange.accept(filter);
        });
        add(show, words);
        addClassName("library-filters");
    }
}
