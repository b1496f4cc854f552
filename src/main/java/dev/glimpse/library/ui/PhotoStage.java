package dev.glimpse.library.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import dev.glimpse.library.ImageSummary;
import java.util.function.IntConsumer;

/**
 * The photo large with ← Previous and Next → under it; on a touch screen a swipe presses those buttons and a pinch or
 * double tap zooms ({@code frontend/photo-gestures.ts}).
 */
@JsModule("./photo-gestures.ts")
class PhotoStage extends Div {

    private final Image picture = new Image();
    private final Button previous;
    private final Button next;

    PhotoStage(IntConsumer step) {
        previous = new Button("← Previous", click -> step.accept(-1));
        next = new Button("Next →", click -> step.accept(1));
        picture.setId("viewer-image");
        picture.addClassName("viewer-image");
        previous.setId("viewer-previous");
        next.setId("viewer-next");
        Div stepping = new Div(previous, next);
        stepping.addClassName("viewer-stepping");
        Div frame = new Div(picture);
        frame.addClassName("photo-page-stage");
        add(frame, stepping);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        picture.getElement()
                .executeJs("window.glimpsePhotoGestures(this, $0, $1)", previous.getElement(), next.getElement());
    }

    void show(ImageSummary now, boolean hasPrevious, boolean hasNext) {
        picture.setSrc(now.displayUrl());
        picture.setAlt(now.caption() == null ? now.fileName() : now.caption());
        previous.setEnabled(hasPrevious);
        next.setEnabled(hasNext);
    }
}
