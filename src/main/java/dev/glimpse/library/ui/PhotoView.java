package dev.glimpse.library.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.glimpse.base.MainLayout;
import dev.glimpse.library.CaptureLine;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.LibraryFilter;
import dev.glimpse.library.Subscription;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page per photo, {@code /photo/{id}}: the image large, its caption (editable), everything known about it and
 * what can be done with it ({@link ViewerActions}). ← and → step through the list it was opened from (the library's
 * order when the page was opened directly) and change the address in place, so Back closes the page and returns to
 * that list, and a reload or a shared link shows the same photo; Esc closes it. The keys listen on the whole document
 * ({@code frontend/photo-keys.ts}), so they work wherever the focus is on the page (a button included), but not in a
 * text field (the search box) or a dialog, nor while a caption is being edited. On a phone the photo fills the screen, a
 * swipe steps and a pinch or double tap zooms ({@link PhotoStage}).
 */
@Route(value = "photo/:id", layout = MainLayout.class)
@PermitAll
@CssImport("./photo-page.css")
@JsModule("./photo-keys.ts")
public class PhotoView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ImageQueries queries;
    private final ImageCommands commands;
    private final H2 title = new H2();
    private final ViewerCaption caption;
    private final ViewerFacts facts = new ViewerFacts();
    private final Paragraph taken = new Paragraph();
    private final PhotoStage stage = new PhotoStage(this::step);
    private final Button close = new Button("Close", click -> close());
    private final ViewerActions actions;
    private final Paragraph missing = new Paragraph();
    private final Div body;
    private @Nullable ImageSummary image;
    private ImageViewer.Navigation navigation;
    private boolean fromList;
    private @Nullable Subscription changes;

    public PhotoView(ImageQueries queries, ImageCommands commands) {
        this.queries = queries;
        this.commands = commands;
        this.navigation = this::libraryOrder;
        this.caption = new ViewerCaption(commands, this::show);
        this.actions = new ViewerActions(queries, commands, this::showStepped, this::deleted);
        setId("viewer");
        addClassNames("viewer", "photo-page");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Image viewer");
        close.setId("viewer-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        title.addClassName("photo-page-title");
        Div top = new Div(title, close);
        top.addClassName("photo-page-top");
        taken.setId("viewer-taken");
        taken.addClassName("viewer-taken");
        Div side = new Div(caption, taken, facts, actions.buttons());
        side.addClassName("viewer-side");
        body = new Div(stage, side);
        body.addClassName("viewer-body");
        missing.setId("viewer-missing");
        missing.setVisible(false);
        add(top, missing, body, actions.similarTitle(), actions.similar());
        getElement()
                .addEventListener(
                        "glimpse-photo-key",
                        event -> pressed(
                                event.getEventData().path("event.detail").asString("")))
                .addEventData("event.detail");
    }

    static String path(UUID id) {
        return "photo/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ImageSummary> found =
                event.getRouteParameters().get("id").flatMap(PhotoView::uuid).flatMap(queries::find);
        UI ui = event.getUI();
        Optional<ImageViewer.Navigation> list = ViewerTrail.navigation(ui);
        fromList = list.isPresent();
        navigation = list.orElse(this::libraryOrder);
        found.filter(shown -> shown.status() != ImageStatus.DELETED).ifPresentOrElse(this::show, this::showMissing);
    }

    @Override
    public String getPageTitle() {
        return (image == null ? "Photo not found" : image.fileName()) + " · Glimpse";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        changes = queries.onChange((id, changed) -> ui.access(() -> {
            if (image != null && id.equals(image.id())) {
                if (changed == null || changed.status() == ImageStatus.DELETED) {
                    caption.showGone();
                } else {
                    show(changed);
                }
            }
        }));
        getElement().executeJs("window.glimpsePhotoKeys(this)");
        close.focus();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        ViewerTrail.left(event.getUI());
        if (changes != null) {
            changes.close();
            changes = null;
        }
    }

    private void show(ImageSummary now) {
        boolean other = image == null || !image.id().equals(now.id());
        image = now;
        title.setText(now.fileName());
        getElement().setAttribute("data-image-id", now.id().toString());
        caption.show(now);
        facts.show(now);
        taken.setText(CaptureLine.of(now.facts()));
        taken.setVisible(!taken.getText().isEmpty());
        actions.show(now, other);
        stage.show(
                now,
                navigation.step(now, -1).isPresent(),
                navigation.step(now, 1).isPresent());
    }

    /** Another image of the list (or of "More like this") in place: the address follows, history does not grow. */
    private void showStepped(ImageSummary now) {
        show(now);
        getUI().ifPresent(ui -> {
            ui.getPage().getHistory().replaceState(null, path(now.id()));
            ui.getPage().setTitle(getPageTitle());
            ViewerTrail.focusOnReturn(ui, now.id());
        });
    }

    private void showMissing() {
        image = null;
        body.setVisible(false);
        title.setText("Photo not found");
        missing.setText("This photo is not in the library: it was deleted, or the link is mistyped.");
        missing.setVisible(true);
    }

    /** ← → Esc from {@code frontend/photo-keys.ts}; not while a caption is being edited (its buttons included). */
    private void pressed(String key) {
        if (caption.editing()) {
            return;
        }
        switch (key) {
            case "ArrowLeft" -> step(-1);
            case "ArrowRight" -> step(1);
            case "Escape" -> close();
            default -> {}
        }
    }

    private void step(int delta) {
        if (image != null) {
            navigation.step(image, delta).ifPresent(this::showStepped);
        }
    }

    /** Back to the list it was opened from (as the browser's Back would), or to the library. */
    private void close() {
        getUI().ifPresent(ui -> {
            if (fromList) {
                ui.getPage().getHistory().back();
            } else {
                ui.navigate("");
            }
        });
    }

    /** Deletes the image (with Undo) and closes: the list takes the focus on the image after it (or before it). */
    private void deleted(ImageSummary doomed) {
        UUID neighbour = navigation
                .step(doomed, 1)
                .or(() -> navigation.step(doomed, -1))
                .map(ImageSummary::id)
                .orElse(null);
        getUI().ifPresent(ui -> ViewerTrail.focusOnReturn(ui, neighbour));
        UndoableDelete.delete(commands, doomed);
        close();
    }

    private Optional<ImageSummary> libraryOrder(ImageSummary from, int delta) {
        return queries.neighbour(LibraryFilter.EVERYTHING, from, delta);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
