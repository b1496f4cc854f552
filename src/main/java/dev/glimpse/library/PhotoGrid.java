package dev.glimpse.library;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A virtual, lazily loaded grid of {@link PhotoTile}s: a {@link VirtualList} whose items are rows of as many tiles
 * as fit the list's width (reported by the browser as it changes), so only the rows in view exist in the page and
 * only their images are read from the database.
 */
class PhotoGrid extends VirtualList<List<ImageSummary>> {

    /** Reads a slice of the images: offset and limit in images. */
    interface Slices {
        List<ImageSummary> slice(long offset, int limit);
    }

    static final int MIN_TILE_PX = 176;
    static final int GAP_PX = 8;

    private final Slices slices;
    private final LongSupplier count;
    private final Function<ImageSummary, PhotoTile> tiles;
    private final Map<UUID, PhotoTile> shown = new HashMap<>();
    private int columns = 4;

    PhotoGrid(Slices slices, LongSupplier count, Function<ImageSummary, PhotoTile> tiles) {
        this.slices = slices;
        this.count = count;
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
                report();""");
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
        if (fitting != columns) {
            columns = fitting;
            getElement().setAttribute("data-columns", String.valueOf(columns));
            resetItems();
        }
    }

    private void resetItems() {
        shown.clear();
        getElement().setAttribute("data-columns", String.valueOf(columns));
        DataProvider<List<ImageSummary>, Void> rows = new CallbackDataProvider<>(
                query -> {
                    int perRow = columns;
                    List<ImageSummary> images =
                            slices.slice((long) query.getOffset() * perRow, query.getLimit() * perRow);
                    List<List<ImageSummary>> chunked = new ArrayList<>();
                    for (int i = 0; i < images.size(); i += perRow) {
                        chunked.add(images.subList(i, Math.min(images.size(), i + perRow)));
                    }
                    return chunked.stream();
                },
                query -> (int) Math.min(Integer.MAX_VALUE, (count.getAsLong() + columns - 1) / columns));
        setDataProvider(rows);
    }

    private Div row(List<ImageSummary> images) {
        Div row = new Div();
        row.addClassName("photo-grid-row");
        for (ImageSummary image : images) {
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
