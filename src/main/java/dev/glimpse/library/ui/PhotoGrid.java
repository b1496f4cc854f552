package dev.glimpse.library.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.MonthCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A virtual, lazily loaded grid of {@link PhotoTile}s under month headings: a {@link VirtualList} whose items are a
 * heading per month ({@link MonthRows}) and rows of as many tiles as fit the list's width (reported by the browser as
 * it changes), so only the rows in view exist in the page and only their images are read from the database. The
 * grid is one Tab stop; arrow keys move between its tiles ({@code frontend/photo-grid-keys.ts}).
 */
@JsModule("./photo-grid-keys.ts")
class PhotoGrid extends VirtualList<MonthRows.Row> {

    /** Reads a slice of the images: offset and limit in images. */
    interface Slices {
        List<ImageSummary> slice(long offset, int limit);
    }

    /** Counts the images per month, latest first, in the order of the slices. */
    interface Months {
        List<MonthCount> months();
    }

    static final int MIN_TILE_PX = 176;
    static final int GAP_PX = 8;

    private final Slices slices;
    private final Months months;
    private volatile MonthRows layout = new MonthRows(List.of(), 1);
    private final Function<ImageSummary, PhotoTile> tiles;
    private final Map<UUID, PhotoTile> shown = new HashMap<>();
    private int columns = 4;
    private boolean measured;
    private @Nullable Reveal pending;

    private record Reveal(UUID id, long position) {}

    PhotoGrid(Slices slices, Months months, Function<ImageSummary, PhotoTile> tiles) {
        this.slices = slices;
        this.months = months;
        this.tiles = tiles;
        addClassName("photo-grid");
        setRenderer(new ComponentRenderer<>(this::row));
        getElement()
                .addEventListener(
                        "glimpse-width",
                        event -> columnsFor(
                                event.getEventData().path("event.detail").asInt(0)))
                .addEventData("event.detail")
                .debounce(150);
        resetItems();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs("""
                const report = () => this.dispatchEvent(new CustomEvent('glimpse-width', {detail: this.clientWidth}));
                new ResizeObserver(report).observe(this);
                report();
                window.glimpseGridKeys(this);""");
    }

    /** Scrolls to the image at {@code position} (in the slices' order) and puts the focus on its tile. */
    void reveal(UUID id, long position) {
        pending = measured ? null : new Reveal(id, position);
        long row = new MonthRows(months.months(), columns).rowOf(position);
        if (row >= 0) {
            scrollToIndex((int) Math.min(Integer.MAX_VALUE, row));
        }
        getElement().executeJs("window.glimpseFocusTile(this, $0)", id.toString());
    }

    int columns() {
        return columns;
    }

    /** Reads everything again (a filter changed, an image came or went). */
    void refresh() {
        shown.clear();
        getDataProvider().refreshAll();
    }

    /** Shows a changed image in place when its tile is on the page; true when it was. */
    boolean update(ImageSummary image) {
        PhotoTile tile = shown.get(image.id());
        if (tile == null) {
            return false;
        }
        tile.show(image);
        return true;
    }

    /** The tiles on the page now. */
    Iterable<PhotoTile> shownTiles() {
        return List.copyOf(shown.values());
    }

    private void columnsFor(int widthPx) {
        if (widthPx <= 0) {
            return;
        }
        int fitting = Math.max(2, Math.min(10, (widthPx + GAP_PX) / (MIN_TILE_PX + GAP_PX)));
        measured = true;
        if (fitting != columns) {
            columns = fitting;
            getElement().setAttribute("data-columns", String.valueOf(columns));
            resetItems();
            if (pending != null) {
                reveal(pending.id(), pending.position()); // the rows moved: scroll again
            }
        }
        pending = null;
    }

    private void resetItems() {
        shown.clear();
        getElement().setAttribute("data-columns", String.valueOf(columns));
        DataProvider<MonthRows.Row, Void> rows = new CallbackDataProvider<>(
                query -> {
                    List<MonthRows.Row> wanted = layout.rows(query.getOffset(), query.getLimit());
                    return withImages(wanted).stream();
                },
                query -> {
                    layout = new MonthRows(months.months(), columns);
                    return (int) Math.min(Integer.MAX_VALUE, layout.rowCount());
                });
        setDataProvider(rows);
    }

    /** The rows with their images, read in one slice from the first image row to the last. */
    private List<MonthRows.Row> withImages(List<MonthRows.Row> wanted) {
        List<MonthRows.Row> imageRows =
                wanted.stream().filter(row -> row.heading() == null).toList();
        if (imageRows.isEmpty()) {
            return wanted;
        }
        long first = imageRows.getFirst().offset();
        MonthRows.Row last = imageRows.getLast();
        List<ImageSummary> images = slices.slice(first, (int) (last.offset() + last.length() - first));
        List<MonthRows.Row> filled = new ArrayList<>();
        for (MonthRows.Row row : wanted) {
            if (row.heading() != null) {
                filled.add(row);
            } else {
                int from = (int) Math.min(images.size(), row.offset() - first);
                int to = (int) Math.min(images.size(), from + row.length());
                filled.add(row.with(images.subList(from, to)));
            }
        }
        return filled;
    }

    private Component row(MonthRows.Row content) {
        if (content.heading() != null) {
            H3 heading = new H3(content.heading());
            heading.addClassName("photo-grid-month");
            return heading;
        }
        Div row = new Div();
        row.addClassName("photo-grid-row");
        for (ImageSummary image : content.images()) {
            PhotoTile tile = tiles.apply(image);
            shown.put(image.id(), tile);
            tile.addDetachListener(detach -> shown.remove(image.id(), tile));
            row.add(tile);
        }
        return row;
    }

    /** Calls {@code action} for each tile shown now. */
    void forEachTile(Consumer<PhotoTile> action) {
        shownTiles().forEach(action);
    }
}
