package dev.glimpse.ingest;

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
import dev.glimpse.base.MainLayout;
import java.io.IOException;
import java.io.InputStream;

/** The main page: drop or pick images, see what happened to each file, and browse the library below. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Glimpse")
public class UploadView extends VerticalLayout {

    private final IngestService ingest;
    private final UploadResults results = new UploadResults();
    private final PreviewStrip previews = new PreviewStrip();
    private final LibraryGrid library;

    public UploadView(IngestService ingest) {
        this.ingest = ingest;
        this.library = new LibraryGrid(ingest);
        add(new H2("Add images"), hint(), upload(), results, previews, new H2("Library"), library);
        setSizeFull();
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
        upload.setWidthFull();
        upload.addFileRejectedListener(event -> show(new IngestOutcome.Refused(
                event.getFileName(), "was not sent: " + event.getErrorMessage().toLowerCase())));
        return upload;
    }

    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        byte[] bytes =
                readAtMost(event.getInputStream(), ingest.limits().maxBytes().toBytes() + 1);
        IngestOutcome outcome = ingest.ingest(event.getFileName(), bytes);
        ui.access(() -> show(outcome));
    }

    private void show(IngestOutcome outcome) {
        results.add(outcome);
        switch (outcome) {
            case IngestOutcome.Stored stored -> {
                previews.add(stored.image());
                library.refresh();
            }
            case IngestOutcome.Duplicate duplicate -> previews.add(duplicate.existing());
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
