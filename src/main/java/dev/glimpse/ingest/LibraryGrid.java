package dev.glimpse.ingest;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Every stored image, newest first, loaded page by page from the database. */
class LibraryGrid extends Grid<ImageSummary> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    LibraryGrid(IngestService ingest) {
        super(ImageSummary.class, false);
        setId("library");
        addColumn(new ComponentRenderer<>(LibraryGrid::thumbnail))
                .setHeader("")
                .setWidth("96px")
                .setFlexGrow(0);
        addColumn(ImageSummary::fileName).setHeader("File").setAutoWidth(true);
        addColumn(image -> image.width() + " × " + image.height())
                .setHeader("Size")
                .setAutoWidth(true);
        addColumn(LibraryGrid::captionOrStatus).setHeader("Caption").setFlexGrow(1);
        addColumn(image -> TIME.format(image.createdAt())).setHeader("Added").setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setItems(query -> ingest.library(query.getPage(), query.getPageSize()).stream());
        setMinHeight("320px");
    }

    void refresh() {
        getDataProvider().refreshAll();
    }

    private static Image thumbnail(ImageSummary image) {
        Image thumbnail = new Image(image.thumbnailUrl(), image.fileName());
        thumbnail.setHeight("64px");
        return thumbnail;
    }

    private static String captionOrStatus(ImageSummary image) {
        return switch (image.status()) {
            case READY -> image.caption();
            case RECEIVED -> "Waiting to be captioned";
            case CAPTIONING -> "Captioning…";
            case FAILED -> "Captioning failed: " + image.failureReason();
        };
    }
}
