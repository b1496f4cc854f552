package dev.glimpse.search.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

/**
 * The query in the search page's address ({@code /search?q=red+car}): opening, reloading or going Back to such an
 * address searches for it, and a search run on the page puts its words there as a new history entry. {@code ?listen}
 * (the header's microphone) asks for the recorder to start.
 */
final class QueryInUrl {

    private String inUrl = "";

    /** The words in the address being entered, blank when it has none. */
    String enter(QueryParameters parameters) {
        inUrl = parameters.getSingleParameter("q").orElse("");
        return inUrl;
    }

    static boolean listen(QueryParameters parameters) {
        return parameters.getParameters().containsKey(SearchBox.LISTEN);
    }

    /** Puts {@code text} in the address of {@code ui}'s page as a new history entry, unless it is blank or there. */
    void push(UI ui, String text) {
        if (!text.isBlank() && !text.equals(inUrl)) {
            inUrl = text;
            ui.getPage().getHistory().pushState(null, new Location("search", QueryParameters.of("q", text)));
        }
    }
}
