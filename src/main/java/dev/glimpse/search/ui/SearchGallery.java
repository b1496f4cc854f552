package dev.glimpse.search.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Span;
import dev.glimpse.search.ImageViewers;
import dev.glimpse.search.SearchHit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The images found, best first, as tiles like the library's: thumbnail (opens the viewer, with ← → through the
 * results), caption and file name; the best one marked. The numbers sit behind a small "Why?" that says whether the
 * image matched by meaning or by shared words ({@link #why}).
 */
class SearchGallery extends Div {

    private final ImageViewers viewers;

    SearchGallery(ImageViewers viewers) {
        this.viewers = viewers;
        setId("search-results");
        addClassName("photo-tiles");
        getElement().setAttribute("aria-label", "Search results, best match first");
        getElement().setAttribute("role", "list");
    }

    void show(String query, List<SearchHit> hits) {
        removeAll();
        getElement().setAttribute("data-query", query);
        List<UUID> ids = hits.stream().map(SearchHit::id).toList();
        Map<UUID, String> names = viewers.fileNames(ids);
        for (int rank = 0; rank < hits.size(); rank++) {
            add(card(hits.get(rank), rank + 1, names.get(hits.get(rank).id()), ids));
        }
        viewers.focusOnReturn()
                .filter(ids::contains)
                .ifPresent(id -> getElement()
                        .executeJs(
                                "const b = this.querySelector(`[data-image-id=\"${$0}\"] .photo-tile-open`);"
                                        + " if (b) b.focus();",
                                id.toString()));
    }

    void clear() {
        removeAll();
        getElement().removeAttribute("data-query");
    }

    /** In words, why the search found this image (the hit's own explanation); the numbers follow for the curious. */
    static String why(SearchHit hit, int rank) {
        String how = hit.why().isEmpty()
                ? "Found"
                : Character.toUpperCase(hit.why().charAt(0)) + hit.why().substring(1);
        return String.format(
                Locale.ROOT, "%s. #%d · score %.3f · similarity %.2f", how, rank, hit.score(), hit.similarity());
    }

    private Div card(SearchHit hit, int rank, String fileName, List<UUID> ids) {
        Image thumbnail = new Image(hit.thumbnailUrl(), hit.caption());
        thumbnail.addClassName("photo-tile-image");
        thumbnail.getElement().setAttribute("loading", "lazy");
        NativeButton open = new NativeButton();
        open.addClassName("photo-tile-open");
        open.add(thumbnail);
        open.getElement().setAttribute("aria-label", "Open " + hit.caption());
        open.addClickListener(click -> viewers.open(ids, hit.id()));

        Span caption = new Span(hit.caption());
        caption.addClassName("hit-caption");
        caption.addClassName("photo-tile-caption");
        Span name = new Span(fileName == null ? "" : fileName);
        name.addClassName("hit-file");
        name.setVisible(fileName != null);
        Span numbers = new Span(why(hit, rank));
        numbers.addClassName("hit-score");
        NativeDetails details = new NativeDetails("Why?", numbers);
        details.addClassName("hit-why");

        Div card = new Div(open, caption, name, details);
        card.addClassName("search-hit");
        card.addClassName("photo-tile");
        if (hit.closest()) {
            card.addClassName("closest-match");
        }
        card.getElement().setAttribute("role", "listitem");
        card.getElement().setAttribute("data-image-id", hit.id().toString());
        card.getElement().setAttribute("data-rank", String.valueOf(rank));
        if (rank == 1) {
            Span badge = new Span("Best match");
            badge.addClassName("best-match-badge");
            card.addComponentAsFirst(badge);
            card.addClassName("best-match");
        }
        return card;
    }
}
