package dev.glimpse.library.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import dev.glimpse.library.LibraryFilter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The library's filters: which images (all, waiting, failed) and words in the caption or file name. The filter is
 * also written to the page's address ({@code ?show=failed&filter=beach}), so a reload, a shared link and Back from a
 * photo page bring it back.
 */
final class LibraryFilters extends Div {

    private static final String SHOW = "show";
    private static final String WORDS = "filter";

    private final RadioButtonGroup<LibraryFilter.Show> show = new RadioButtonGroup<>();
    private final TextField words = new TextField();
    private LibraryFilter filter = LibraryFilter.EVERYTHING;

    /** Calls {@code onChange} with the whole filter whenever a part of it changes. */
    LibraryFilters(Consumer<LibraryFilter> onChange) {
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

    /** Shows the filter an address names (nothing changes for an address without one). */
    void restore(QueryParameters address) {
        LibraryFilter.Show shown =
                address.getSingleParameter(SHOW).flatMap(LibraryFilters::show).orElse(LibraryFilter.Show.ALL);
        show.setValue(shown);
        words.setValue(address.getSingleParameter(WORDS).orElse(""));
    }

    /** The address parameters that name this filter (none for the whole library). */
    static QueryParameters address(LibraryFilter filter) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (filter.show() != LibraryFilter.Show.ALL) {
            parameters.put(SHOW, filter.show().name().toLowerCase(Locale.ROOT));
        }
        if (!filter.text().isEmpty()) {
            parameters.put(WORDS, filter.text());
        }
        return QueryParameters.simple(parameters);
    }

    private static Optional<LibraryFilter.Show> show(String name) {
        for (LibraryFilter.Show value : LibraryFilter.Show.values()) {
            if (value.name().equalsIgnoreCase(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
