package dev.glimpse.ingest;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import dev.glimpse.base.MainLayout;
import dev.glimpse.ratelimit.RateLimiter;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/** The main page: drop or pick images, see what happened to each file, and browse the library below. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Glimpse")
@PermitAll
public class UploadView extends VerticalLayout {

    private final IngestService ingest;
    private final RateLimiter rateLimiter;
    private final UploadResults results = new UploadResults();
    private final UploadCards cards = new UploadCards(this::recaption);
    private final LibraryGrid library;
    private final List<UploadPageSection> sections;
    private Registration changes;

    public UploadView(IngestService ingest, RateLimiter rateLimiter, ObjectProvider<UploadPageSection> sections) {
        this.ingest = ingest;
        this.rateLimiter = rateLimiter;
        this.library = new LibraryGrid(ingest);
        this.sections = sections.orderedStream().toList();
        library.addItemClickListener(click -> openDetail(click.getItem()));
        add(new H2("Add images"), hint(), upload(), results, cards);
        this.sections.forEach(section -> add(section.component()));
        add(new H2("Library"), library);
        setSizeFull();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        changes = ingest.onChange((id, image) -> ui.access(() -> {
            cards.update(id, image);
            library.refresh();
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (changes != null) {
            changes.remove();
            changes = null;
        }
    }

    private void openDetail(ImageSummary image) {
        new ImageDetailDialog(image, this::delete, this::recaption).open();
    }

    private void delete(UUID id) {
        if (!ingest.delete(id)) {
            error("That image was already deleted.");
        }
    }

    private void recaption(UUID id) {
        if (!ingest.recaption(id)) {
            error("That image is being captioned already.");
        }
    }

    private Paragraph hint() {
        UploadProperties limits = ingest.limits();
        return new Paragraph("JPEG, PNG, WebP or GIF, up to "
                + ImageInspector.megabytes(limits.maxBytes().toBytes()) + " and " + limits.maxMegapixels()
                + " megapixels each. Location data is removed before storing.");
    }

    private Upload upload() {
        Upload upload = new Upload(this::receive);
        upload.setId("upload");
        upload.setAcceptedFileTypes(
                "image/jpeg", "image/png", "image/webp", "image/gif", ".jpg", ".jpeg", ".png", ".webp", ".gif");
        upload.setMaxFileSize(
                (int) Math.min(Integer.MAX_VALUE, ingest.limits().maxBytes().toBytes()));
        upload.setMaxFiles(ingest.limits().maxFilesPerUpload());
        upload.setDropAllowed(true);
        upload.getElement().addEventListener("upload-start", event -> sections.forEach(s -> s.uploading(true)));
        upload.addAllFinishedListener(event -> sections.forEach(s -> s.uploading(false)));
        upload.setWidthFull();
        upload.addFileRejectedListener(event -> show(new IngestOutcome.Refused(
                event.getFileName(), "was not sent: " + event.getErrorMessage().toLowerCase())));
        return upload;
    }

    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        RateLimiter.Decision decision = rateLimiter.acquire(RateLimiter.Action.UPLOAD);
        if (!decision.allowed()) {
            event.getInputStream().close();
            ui.access(() -> show(new IngestOutcome.Unavailable(event.getFileName(), decision.reason())));
            return;
        }
        byte[] bytes =
                readAtMost(event.getInputStream(), ingest.limits().maxBytes().toBytes() + 1);
        IngestOutcome outcome = ingest.ingest(event.getFileName(), bytes);
        ui.access(() -> show(outcome));
    }

    private void show(IngestOutcome outcome) {
        results.add(outcome);
        switch (outcome) {
            case IngestOutcome.Stored stored -> {
                cards.add(stored.image());
                library.refresh();
            }
            case IngestOutcome.Duplicate duplicate -> cards.add(duplicate.existing());
            case IngestOutcome.Refused refused -> error(outcome.message());
            case IngestOutcome.Unavailable unavailable -> error(outcome.message());
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static byte[] readAtMost(InputStream input, long limit) throws IOException {
        try (input) {
            return input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        }
    }

    /** One line per file that was sent, saying what happened to it. */
    static final class UploadResults extends Div {
        UploadResults() {
            setId("upload-results");
        }

        void add(IngestOutcome outcome) {
            Paragraph line = new Paragraph(outcome.message());
            line.addClassName("upload-result");
            line.getElement()
                    .setAttribute(
                            "data-outcome", outcome.getClass().getSimpleName().toLowerCase());
            addComponentAsFirst(line);
        }
    }
}
