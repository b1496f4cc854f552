package dev.glimpse.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.glimpse.search.ImageViewers;
import dev.glimpse.search.QueryPart;
import dev.glimpse.search.SearchFailures;
import dev.glimpse.search.SearchResults;
import java.util.function.Consumer;

/**
 * What the search page shows of an answer: the spinner while a search runs, the chips of what was understood, the
 * result count, a message (why nothing or only the closest matches were found, or what went wrong) and the gallery.
 */
final class SearchAnswer {

    private final HorizontalLayout searching = SearchPageParts.busy("searching", "Searching…");
    private final Paragraph message = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final UnderstoodChips understood;
    private final SearchGallery results;

    /** {@code withoutPart}: a chip was removed, to search again without that part of what was understood. */
    SearchAnswer(ImageViewers viewers, Consumer<QueryPart> withoutPart) {
        this.results = new SearchGallery(viewers);
        this.understood = new UnderstoodChips(withoutPart);
        count.setId("search-count");
        count.addClassName("search-count");
        count.getElement().setAttribute("aria-live", "polite");
        count.setVisible(false);
        message.setId("search-message");
        message.getElement().setAttribute("aria-live", "polite");
        message.setVisible(false);
    }

    /** The spinner shown while a search runs. */
    HorizontalLayout spinner() {
        return searching;
    }

    /** The parts under the search box, in page order. */
    Component[] parts() {
        return new Component[] {understood, count, message, results};
    }

    void show(SearchResults answer) {
        understood.show(answer.understood());
        count.setText(SearchPageParts.matches(answer.hits().size()));
        count.setVisible(true);
        if (answer.hits().isEmpty()) {
            results.clear();
            say(answer.message());
        } else {
            message.setVisible(answer.message() != null);
            message.setText(answer.message() == null ? "" : answer.message());
            results.show(answer.query(), answer.hits());
        }
    }

    void fail(Throwable failure) {
        count.setVisible(false);
        understood.clear();
        results.clear();
        say(SearchFailures.message(failure));
    }

    void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
