package dev.glimpse.ingest.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.glimpse.base.MainLayout;
import dev.glimpse.imaging.ImageInspector;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.ingest.UploadProperties;
import dev.glimpse.ingest.UploadRefusals;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.LibraryDownloads;
import dev.glimpse.library.LibraryFilter;
import dev.glimpse.library.Subscription;
import dev.glimpse.library.ui.ImageViewer;
import dev.glimpse.library.ui.LibrarySection;
import dev.glimpse.library.ui.UndoableDelete;
import dev.glimpse.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The main page: drop images anywhere on it or pick them, follow each pick in the tray until its files are captioned
 * (kept and sent later while the server cannot be reached), and browse the library below.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Glimpse")
@PermitAll
public class UploadView extends VerticalLayout implements BeforeEnterObserver {

    private final IngestService ingest;
    private final ImageQueries images;
    private final ImageCommands commands;
    private final UploadTray tray;
    private final LibrarySection library;
    private final List<UploadPageSection> sections;
    private @Nullable Subscription changes;

    public UploadView(
            IngestService ingest,
            ImageQueries images,
            ImageCommands commands,
            LibraryDownloads downloads,
            RateLimiter rateLimiter,
            ObjectProvider<UploadPageSection> sections) {
        this.ingest = ingest;
        this.images = images;
        this.commands = commands;
        this.sections = sections.orderedStream().toList();
        this.tray = new UploadTray(ingest.limits(), this::recaption, this::uploading);
        this.tray.receiveWith(new TrayUploads(ingest, images, rateLimiter, tray));
        this.library = new LibrarySection(images, downloads, new LibraryActions());
        addClassName("upload-page");
        add(new H2("Add images"), hint(), tray, this.library);
        // below the library: what appears there never moves what the person is looking at
        this.sections.forEach(section -> add(section.component()));
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        library.filterAsIn(event.getLocation().getQueryParameters());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        changes = images.onChange((id, image) -> {
            long version = tray.watches(id) ? tray.nextVersion() : 0;
            ui.access(() -> {
                if (version > 0) {
                    tray.changed(id, image, version);
                }
                library.changed(id, image);
            });
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (changes != null) {
            changes.close();
            changes = null;
        }
    }

    /** What the library's buttons do. */
    private final class LibraryActions implements LibrarySection.Actions {
        @Override
        public void open(ImageSummary image, LibraryFilter filter) {
            new ImageViewer(image, (from, delta) -> library.neighbour(from, filter, delta)).open();
        }

        @Override
        public void delete(List<UUID> ids, Runnable afterwards) {
            ConfirmDialog ask = new ConfirmDialog(
                    "Delete " + ids.size() + (ids.size() == 1 ? " image?" : " images?"),
                    "They disappear from the library and from search. You can undo this for a few seconds.",
                    "Delete",
                    confirm -> {
                        UndoableDelete.delete(
                                commands, ids, ids.size() + (ids.size() == 1 ? " image" : " images") + " deleted.");
                        afterwards.run();
                    });
            ask.setConfirmButtonTheme("error primary");
            ask.setCancelable(true);
            ask.setId("confirm-delete");
            ask.open();
        }

        @Override
        public void recaption(List<UUID> ids) {
            long queued =
                    ids.stream().filter(id -> commands.recaption(id, false)).count();
            long skipped = ids.size() - queued;
            Notification.show(
                    queued + " queued for captioning"
                            + (skipped == 0 ? "." : "; " + skipped + " skipped (busy, or captioned by a person)."),
                    4000,
                    Notification.Position.BOTTOM_START);
        }
    }

    private void uploading(boolean busy) {
        sections.forEach(section -> section.uploading(busy));
    }

    private void recaption(UUID id) {
        if (!commands.recaption(id, false)) {
            error("That image is being captioned already.");
        }
    }

    private Paragraph hint() {
        UploadProperties limits = ingest.limits();
        return new Paragraph(UploadRefusals.ACCEPTED + ", up to "
                + ImageInspector.megabytes(limits.maxBytes().toBytes()) + " and " + limits.maxMegapixels()
                + " megapixels each, " + limits.maxFilesPerUpload()
                + " files per pick or drop, anywhere on this page. Location data is removed before storing.");
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
