package dev.glimpse.examples;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.glimpse.ingest.IngestOutcome;
import java.util.function.Function;

/** One gallery tile: a skeleton placeholder until its example's caption arrives, then image, caption and "Keep". */
final class ExampleTile extends Div {

    ExampleTile() {
        addClassName("example-tile");
        getElement().setAttribute("data-state", "loading");
        Div picture = new Div();
        picture.addClassNames("example-skeleton", "example-skeleton-picture");
        Div line = new Div();
        line.addClassNames("example-skeleton", "example-skeleton-line");
        add(picture, line);
    }

    void show(Example example, String caption, Function<Example.Fetched, IngestOutcome> keep) {
        removeAll();
        getElement().setAttribute("data-state", "ready");
        getElement().setAttribute("data-source", example.source().name().toLowerCase());
        Paragraph text = new Paragraph(caption);
        text.addClassName("example-caption");
        switch (example) {
            case Example.Fetched fetched -> {
                Image image = new Image(fetched.bytes(), caption);
                image.getElement().setAttribute("title", fetched.origin());
                image.getElement().setAttribute("data-origin", fetched.origin());
                add(picture(image), text, keepButton(fetched.withoutPixels(), keep));
            }
            case Example.FromLibrary library -> {
                Span note = new Span("In your library");
                note.addClassName("example-note");
                add(picture(new Image(library.image().thumbnailUrl(), caption)), text, note);
            }
        }
    }

    private static Image picture(Image image) {
        image.addClassName("example-picture");
        return image;
    }

    private Button keepButton(Example.Fetched example, Function<Example.Fetched, IngestOutcome> keep) {
        Button button = new Button("Keep");
        button.addClassName("example-keep");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            IngestOutcome outcome = keep.apply(example);
            Span result = new Span(outcome.message());
            result.addClassName("example-kept");
            result.getElement()
                    .setAttribute(
                            "data-outcome", outcome.getClass().getSimpleName().toLowerCase());
            replace(button, result);
        });
        return button;
    }
}
