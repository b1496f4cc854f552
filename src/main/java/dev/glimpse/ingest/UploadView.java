package dev.glimpse.ingest;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import dev.glimpse.base.MainLayout;
import dev.glimpse.imaging.ImageInspector;
import dev.glimpse.library.ImageEdits;
import dev.glimpse.library.ImageService;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.ImageViewer;
import dev.glimpse.library.Library;
import dev.glimpse.library.LibraryDownloads;
import dev.glimpse.library.LibraryFilter;
import dev.glimpse.library.LibrarySection;
import dev.glimpse.library.Subscription;
import dev.glimpse.library.UndoableDelete;
import dev.glimpse.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The main page: drop or pick images, follow each file in one place until it is captioned, and browse the library
 * below.
 *
 * <p>Over 200 lines because it wires the page's upload, progress and library components; the work is in the services.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Glimpse")
@PermitAll
@JsModule("./upload-batches.ts")
public class UploadView extends VerticalLayout {

    /** The name of the file whose upload started, read in the browser (empty for an event without one). */
    private static final String STARTED_FILE = "event.detail && event.detail.file ? event.detail.file.name : ''";

    private final IngestService ingest;
    private final ImageService images;
    private final ImageEdits edits;
    private final RateLimiter rateLimiter;
    private final UploadTracker tracker;
    private final LibrarySection library;
    private final List<UploadPageSection> sections;
    private @Nullable Subscription changes;

    public UploadView(
            IngestService ingest,
            ImageService images,
            ImageEdits edits,
            Library library,
            LibraryDownloads downloads,
            RateLimiter rateLimiter,
            ObjectProvider<UploadPageSection> sections,
            Clock clock) {
        this.ingest = ingest;
        this.images = images;
        this.edits = edits;
        this.rateLimiter = rateLimiter;
        this.tracker = new UploadTracker(this::recaption, clock);
        this.library = new LibrarySection(library, downloads, new LibraryActions());
        this.sections = sections.orderedStream().toList();
        addClassName("upload-page");
        add(new H2("Add images"), hint(), upload(), tracker);
        this.sections.forEach(section -> add(section.component()));
        add(this.library);
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        changes = images.onChange((id, image) -> ui.access(() -> {
            tracker.update(id, image);
            library.changed(id, image);
        }));
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
            new ImageViewer(image, images, edits, (from, delta) -> library.neighbour(from, filter, delta)).open();
        }

        @Override
        public void delete(List<UUID> ids, Runnable afterwards) {
            ConfirmDialog ask = new ConfirmDialog(
                    "Delete " + ids.size() + (ids.size() == 1 ? " image?" : " images?"),
                    "They disappear from the library and from search. You can undo this for a few seconds.",
                    "Delete",
                    confirm -> {
                        UndoableDelete.delete(
                                edits, ids, ids.size() + (ids.size() == 1 ? " image" : " images") + " deleted.");
                        afterwards.run();
                    });
            ask.setConfirmButtonTheme("error primary");
            ask.setCancelable(true);
            ask.setId("confirm-delete");
            ask.open();
        }

        @Override
        public void recaption(List<UUID> ids) {
            long queued = ids.stream().filter(id -> images.recaption(id, false)).count();
            long skipped = ids.size() - queued;
            Notification.show(
                    queued + " queued for captioning"
                            + (skipped == 0 ? "." : "; " + skipped + " skipped (busy, or captioned by a person)."),
                    4000,
                    Notification.Position.BOTTOM_START);
        }
    }

    private void recaption(UUID id) {
        if (!images.recaption(id, false)) {
            error("That image is being captioned already.");
        }
    }

    private Paragraph hint() {
        UploadProperties limits = ingest.limits();
        return new Paragraph(UploadRefusals.ACCEPTED + ", up to "
                + ImageInspector.megabytes(limits.maxBytes().toBytes()) + " and " + limits.maxMegapixels()
                + " megapixels each, " + limits.maxFilesPerUpload()
                + " files at a time. Location data is removed before storing.");
    }

    private Upload upload() {
        UploadProperties limits = ingest.limits();
        Upload upload = new Upload(this::receive);
        upload.setId("upload");
        upload.setAcceptedFileTypes(
                "image/jpeg", "image/png", "image/webp", "image/gif", ".jpg", ".jpeg", ".png", ".webp", ".gif");
        upload.setMaxFileSize(
                (int) Math.min(Integer.MAX_VALUE, limits.maxBytes().toBytes()));
        upload.setDropAllowed(true);
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(UploadRefusals.tooMany(limits))
                .setFileIsTooBig(UploadRefusals.tooLarge(limits))
                .setIncorrectFileType(UploadRefusals.notAnImage()));
        upload.setI18n(i18n);
        upload.getElement()
                .addEventListener("upload-start", event -> {
                    String name = event.getEventData().path(STARTED_FILE).asString("");
                    if (!name.isEmpty()) {
                        tracker.sending(name);
                    }
                    sections.forEach(s -> s.uploading(true));
                })
                .addEventData(STARTED_FILE);
        upload.addAllFinishedListener(event -> {
            tracker.batchFinished();
            upload.clearFileList();
            sections.forEach(s -> s.uploading(false));
        });
        upload.addFileRejectedListener(event -> tracker.refusedInBrowser(event.getFileName(), event.getErrorMessage()));
        upload.getElement().executeJs("window.glimpseLimitPerBatch(this, $0)", limits.maxFilesPerUpload());
        upload.setWidthFull();
        return upload;
    }

    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        RateLimiter.Decision decision = rateLimiter.acquire(RateLimiter.Action.UPLOAD);
        if (!decision.allowed()) {
            event.getInputStream().close();
            ui.access(() -> show(new IngestOutcome.Unavailable(event.getFileName(), decision.reason(), false)));
            return;
        }
        IngestOutcome outcome = ingest.ingest(event.getFileName(), event.getInputStream());
        ui.access(() -> show(outcome));
    }

    private void show(IngestOutcome outcome) {
        // the pipeline may have claimed the image before this answer reached the page, and that change found no row
        // to update yet: the row starts from the image as it is now
        if (outcome instanceof IngestOutcome.Stored stored) {
            outcome = images.find(stored.image().id())
                    .<IngestOutcome>map(now -> new IngestOutcome.Stored(stored.fileName(), now))
                    .orElse(outcome);
        }
        tracker.outcome(outcome);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
