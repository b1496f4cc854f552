package dev.glimpse.ingest.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.glimpse.ingest.UploadProperties;
import dev.glimpse.ingest.UploadRefusals;
import dev.glimpse.library.ImageSummary;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The upload tray ({@code frontend/upload-tray.ts}): the Add button, a drop target covering the whole page and one
 * group of rows per pick or drop. The browser owns the files: it gives each file and each pick an id before sending,
 * keeps the files not yet answered (in IndexedDB, so a reload or an outage loses none) and sends them one request
 * each to {@link TrayUploads}, whose answer comes back on the same request, so an answer can never miss its row. The
 * server only pushes what happens to stored images afterwards, each change with a version so that a push overtaken
 * by the upload's answer (or the other way round) never shows an older state.
 */
@Tag("glimpse-upload-tray")
@JsModule("./upload-tray.ts")
@CssImport("./upload-tray.css")
class UploadTray extends Component {

    private final Set<UUID> watched = ConcurrentHashMap.newKeySet();
    private final AtomicLong versions = new AtomicLong();

    UploadTray(UploadProperties limits, Consumer<UUID> onRetry, Consumer<Boolean> onBusy) {
        setId("upload");
        getElement().setAttribute("max-files", Integer.toString(limits.maxFilesPerUpload()));
        getElement().setAttribute("max-bytes", Long.toString(limits.maxBytes().toBytes()));
        getElement()
                .setAttribute(
                        "accept",
                        "image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif,"
                                + ".jpg,.jpeg,.png,.webp,.gif,.heic,.heif,.avif");
        getElement().setAttribute("too-many", "it " + UploadRefusals.tooMany(limits) + ".");
        getElement().setAttribute("too-large", "it " + UploadRefusals.tooLarge(limits) + ".");
        getElement().setAttribute("not-image", "it " + UploadRefusals.notAnImage() + ".");
        getElement()
                .addEventListener(
                        "glimpse-retry",
                        event -> onRetry.accept(UUID.fromString(
                                event.getEventData().path("event.detail").asString())))
                .addEventData("event.detail");
        getElement()
                .addEventListener(
                        "glimpse-busy",
                        event -> onBusy.accept(
                                event.getEventData().path("event.detail").asBoolean()))
                .addEventData("event.detail");
    }

    /** Where the browser sends each file. */
    void receiveWith(UploadHandler uploads) {
        getElement().setAttribute("target", uploads);
    }

    /**
     * The next version of what this page knows, taken for an image before its state is read: the later state wins.
     */
    long watch(UUID id) {
        watched.add(id);
        return versions.incrementAndGet();
    }

    /** The version a change gets when it is reported (committed already), before it is pushed. */
    long nextVersion() {
        return versions.incrementAndGet();
    }

    boolean watches(UUID id) {
        return watched.contains(id);
    }

    /** Shows a committed change of an image this page sent; call on the UI thread. */
    void changed(UUID id, @Nullable ImageSummary image, long version) {
        UploadRowText row = image == null ? UploadRowText.deleted(id, "stored") : UploadRowText.of(image, "stored");
        getElement()
                .executeJs(
                        "this.imageChanged($0, $1, $2, $3, $4, $5, $6)",
                        id.toString(),
                        row.status(),
                        row.mark(),
                        row.text(),
                        row.detail(),
                        row.retry(),
                        (double) version);
    }
}
