package dev.glimpse.search;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/**
 * The images found, best first, as cards with thumbnail, caption and score; the first card is marked as the best
 * match. Each card links to the full image.
 */
class SearchGallery extends Div {

    SearchGallery() {
        setId("search-results");
        getElement().setAttribute("aria-label", "Search results, best match first");
        getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(200px, 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
    }

    void show(String query, List<SearchHit> hits) {
        removeAll();
        getElement().setAttribute("data-query", query);
        for (int rank = 0; rank < hits.size(); rank++) {
            add(card(hits.get(rank), rank + 1));
        }
    }

    void clear() {
        removeAll();
        getElement().removeAttribute("data-query");
    }

    private static Div card(SearchHit hit, int rank) {
        Image thumbnail = new Image(hit.thumbnailUrl(), hit.caption());
        thumbnail
                .getStyle()
                .set("width", "100%")
                .set("aspect-ratio", "4 / 3")
                .set("object-fit", "cover")
                .set("border-radius", "var(--lumo-border-radius-m)");
        Anchor link = new Anchor(hit.contentUrl(), thumbnail);
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("aria-label", "Open image: " + hit.caption());

        Span caption = new Span(hit.caption());
        caption.addClassName("hit-caption");
        Span score = new Span(
                String.format(Locale.ROOT, "#%d · score %.4f · similarity %.2f", rank, hit.score(), hit.similarity()));
        score.addClassName("hit-score");
        score.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");

        Div card = new Div(link, caption, score);
        card.addClassName("search-hit");
        card.getElement().setAttribute("data-image-id", hit.imageId().toString());
        card.getElement().setAttribute("data-rank", String.valueOf(rank));
        card.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
        if (rank == 1) {
            Span badge = new Span("Best match");
            badge.addClassName("best-match-badge");
            badge.getStyle()
                    .set("align-self", "flex-start")
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("font-weight", "600")
                    .set("color", "var(--lumo-success-text-color)");
            card.addComponentAsFirst(badge);
            card.addClassName("best-match");
            card.getStyle()
                    .set("border", "2px solid var(--lumo-success-color)")
                    .set("background", "var(--lumo-success-color-10pct)");
        }
        return card;
    }
}
