package dev.glimpse.ingest;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

/** Previews of the images uploaded on this page, newest first. */
class PreviewStrip extends Div {

    PreviewStrip() {
        setId("previews");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
    }

    void add(ImageSummary image) {
        Image thumbnail = new Image(image.thumbnailUrl(), image.fileName());
        thumbnail.setHeight("120px");
        Span name = new Span(image.fileName());
        name.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(thumbnail, name);
        card.addClassName("preview");
        card.getElement().setAttribute("data-image-id", image.id().toString());
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "200px");
        addComponentAsFirst(card);
    }
}
