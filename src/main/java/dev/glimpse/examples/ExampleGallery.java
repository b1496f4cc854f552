package dev.glimpse.examples;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.glimpse.ingest.ui.UploadPageSection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The "While you wait" section of the main page: when the page has been idle for a while and nothing is uploading
 * or searching, it shows skeleton tiles and fills them with captioned examples as the captions arrive (server push).
 * A new idle period after the round has finished brings new examples; detaching the page cancels a running round.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@CssImport("./example-gallery.css")
public class ExampleGallery extends Div implements UploadPageSection {

    private final ExampleService service;
    private final Div tiles = new Div();
    private final Paragraph note =
            new Paragraph("Pause for a moment and a few example images appear here with their captions.");
    private final List<ExampleTile> current = new ArrayList<>();
    private @Nullable ExampleRound round;
    private int pending;
    private boolean busy;

    /** Said plainly when a configured source could not deliver a single example, instead of an empty promise. */
    static final String NOTHING_TO_SHOW = "No examples to show right now: the example image service cannot be reached"
            + " and your library has no captioned images beyond those listed above.";

    /** Said when no source is configured at all: nothing is "unreachable", there is simply nothing to show. */
    static final String NO_SOURCE = "No example images are configured on this server (see glimpse.examples in the"
            + " README), so nothing appears here while you wait.";

    ExampleGallery(ExampleService service) {
        this.service = service;
        setId("examples");
        addClassName("example-gallery");
        tiles.setId("example-tiles");
        tiles.addClassName("example-tiles");
        if (service.settings().enabled() && !service.anySourceConfigured()) {
            note.setId("examples-note");
            note.setText(NO_SOURCE);
            add(new H2("While you wait"), note);
        } else if (service.settings().enabled()) {
            IdleTracker tracker = new IdleTracker(service.settings().idleAfter());
            tracker.addIdleListener(event -> idle());
            note.setId("examples-note");
            add(new H2("While you wait"), note, tiles, tracker);
        } else {
            setVisible(false);
        }
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void uploading(boolean uploading) {
        setBusy(uploading);
    }

    /** While busy (an upload or a search in progress) idle reports start nothing. */
    public void setBusy(boolean busy) {
        this.busy = busy;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        cancelRound();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (pending > 0) { // a round cancelled by an earlier detach left skeletons behind
            tiles.removeAll();
            pending = 0;
        }
    }

    private void idle() {
        service.idleReported();
        if (busy || pending > 0) {
            return;
        }
        UI ui = UI.getCurrent();
        cancelRound();
        tiles.removeAll();
        current.clear();
        for (int i = 0; i < service.settings().tiles(); i++) {
            ExampleTile tile = new ExampleTile();
            current.add(tile);
            tiles.add(tile);
        }
        pending = current.size();
        List<ExampleTile> roundTiles = List.copyOf(current);
        round = service.startRound(new ExampleRound.Listener() {
            @Override
            public void captioned(int tile, Example example, String caption) {
                push(ui, () -> {
                    roundTiles.get(tile).show(example, caption, service::keep);
                    pending--;
                });
            }

            @Override
            public void skipped(int tile) {
                push(ui, () -> {
                    tiles.remove(roundTiles.get(tile));
                    pending--;
                    if (pending == 0 && tiles.getComponentCount() == 0) {
                        note.setText(NOTHING_TO_SHOW);
                        note.addClassName("example-none");
                    }
                });
            }
        });
    }

    private static void push(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException e) {
            // the page went away; its round is being cancelled
        }
    }

    private void cancelRound() {
        if (round != null) {
            round.cancel();
            round = null;
        }
    }
}
