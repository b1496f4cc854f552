package dev.glimpse.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.LibraryDownloads;
import dev.glimpse.library.LibraryFilter;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import org.jspecify.annotations.Nullable;

/**
 * The library on the main page: a count, filters (all, waiting, failed, and words in the caption or file name), the
 * photo grid, latest taken first under month headings, and what can be done with a selection of images (delete, re-caption, download as zip).
 */
public final class LibrarySection extends Div {

    /** What the page does with the library's images; the section only wires. */
    public interface Actions {
        void open(ImageSummary image, LibraryFilter filter);

        void delete(List<UUID> ids, Runnable afterwards);

        void recaption(List<UUID> ids);
    }

    private final ImageQueries queries;
    private final Actions actions;
    private final Span count = new Span();
    private final Span backlog = new Span();
    private final Paragraph empty = new Paragraph();
    private final Set<UUID> selected = new CopyOnWriteArraySet<>(); // read by the download request too
    private final Div selectionBar = new Div();
    private final Span selectionCount = new Span();
    private final PhotoGrid grid;
    private LibraryFilter filter = LibraryFilter.EVERYTHING;
    private final LibraryFilters filters = new LibraryFilters(this::filterBy);

    public LibrarySection(ImageQueries queries, LibraryDownloads downloads, Actions actions) {
        this.queries = queries;
        this.actions = actions;
        setId("library");
        addClassName("library");
        grid = new PhotoGrid(
                (offset, limit) -> queries.slice(filter, offset, limit),
                () -> queries.months(filter),
                image -> new PhotoTile(image, clicked -> actions.open(clicked, filter))
                        .selectable(selected.contains(image.id()), this::select));
        grid.setId("library-grid");
        grid.getElement().setAttribute("aria-label", "Library, latest taken first, by month");
        H2 title = new H2("Library");
        count.setId("library-count");
        count.getElement().setAttribute("aria-live", "polite");
        backlog.setId("library-backlog");
        backlog.addClassName("library-backlog");
        backlog.getElement().setAttribute("role", "status");
        Div heading = new Div(title, count, backlog);
        heading.addClassName("library-heading");
        empty.setId("library-empty");
        empty.addClassName("library-empty");
        empty.getElement().setAttribute("role", "status");
        add(heading, filters, selectionBar(downloads), empty, grid);
        TileFocus.follow(this, this::reveal);
        refresh();
    }

    /** Back from a photo page its tile (or the one after a deleted photo) takes the focus; after Undo too. */
    private void showNow(UUID id) {
        long position = queries.position(filter, id);
        if (position >= 0) {
            queries.slice(filter, position, 1).forEach(grid::update);
        }
    }

    private void reveal(UUID id) {
        long position = queries.position(filter, id);
        if (position >= 0) {
            grid.reveal(id, position);
        }
    }

    LibraryFilter filter() {
        return filter;
    }

    /** An image changed somewhere: show it in place, or read the grid again when the set of images changed. */
    public void changed(UUID id, @Nullable ImageSummary image) {
        boolean inPlace = image != null
                && image.status() != ImageStatus.DELETED
                && filter.show() == LibraryFilter.Show.ALL
                && filter.text().isEmpty()
                && grid.update(image);
        if (!inPlace) {
            if (image == null || image.status() == ImageStatus.DELETED) {
                selected.remove(id);
                updateSelection();
            }
            refresh();
        } else {
            showBacklog();
        }
    }

    /** "Captioning 3,412 of 10,000 · about 1 h 40 min left" while images wait; hidden otherwise. */
    private void showBacklog() {
        String waiting = queries.backlog().describe();
        backlog.setText(waiting);
        backlog.setVisible(!waiting.isEmpty());
    }

    void refresh() {
        long total = queries.count(filter);
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        boolean filtered = !filter.equals(LibraryFilter.EVERYTHING);
        String noun = total == 1 ? " image" : " images";
        String verb = total == 1 ? " matches" : " match";
        count.setText(format.format(total) + noun + (filtered ? verb : ""));
        empty.setText(filtered ? "No image matches this filter." : "No images yet: add some above.");
        empty.setVisible(total == 0);
        showBacklog();
        grid.refresh();
    }

    /** Shows the library filtered as the page's address says ({@code ?show=…&filter=…}). */
    public void filterAsIn(QueryParameters address) {
        filters.restore(address);
    }

    private void filterBy(LibraryFilter chosen) {
        filter = chosen;
        refresh();
        // the address names the filter, so Back from a photo page, a reload or a shared link shows it again
        String query = LibraryFilters.address(chosen).getQueryString();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, query.isEmpty() ? "." : "?" + query));
    }

    private Div selectionBar(LibraryDownloads downloads) {
        selectionCount.setId("selection-count");
        Button delete = new Button("Delete", click -> actions.delete(List.copyOf(selected), this::clearSelection));
        delete.setId("selection-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button recaption = new Button("Re-caption", click -> {
            List<UUID> ids = List.copyOf(selected);
            actions.recaption(ids);
            ids.forEach(this::showNow); // waiting at once, not when the change comes round
        });
        recaption.setId("selection-recaption");
        Anchor zip = new Anchor(zipHandler(downloads), "Download zip");
        zip.setId("selection-download");
        zip.addClassName("selection-download");
        zip.getElement().setAttribute("download", true);
        Button clear = new Button("Clear selection", click -> clearSelection());
        clear.setId("selection-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectionBar.setId("selection-bar");
        selectionBar.addClassName("selection-bar");
        selectionBar.getElement().setAttribute("role", "toolbar");
        selectionBar.getElement().setAttribute("aria-label", "Selected images");
        selectionBar.add(selectionCount, delete, recaption, zip, clear);
        selectionBar.setVisible(false);
        return selectionBar;
    }

    private DownloadHandler zipHandler(LibraryDownloads downloads) {
        return event -> {
            List<UUID> ids = List.copyOf(selected);
            event.setFileName("glimpse-" + ids.size() + "-images.zip");
            event.setContentType("application/zip");
            downloads.zip(ids, event.getOutputStream());
        };
    }

    private void select(ImageSummary image, boolean on) {
        if (on) {
            selected.add(image.id());
        } else {
            selected.remove(image.id());
        }
        updateSelection();
    }

    private void clearSelection() {
        selected.clear();
        grid.forEachTile(tile -> tile.setSelected(false));
        updateSelection();
    }

    private void updateSelection() {
        selectionCount.setText(selected.size() + " selected");
        selectionBar.setVisible(!selected.isEmpty());
    }

    public Optional<ImageSummary> neighbour(ImageSummary image, LibraryFilter within, int step) {
        return queries.neighbour(within, image, step);
    }
}
