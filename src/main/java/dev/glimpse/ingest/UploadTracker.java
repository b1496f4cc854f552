package dev.glimpse.ingest;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.glimpse.library.ImageSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What happened to the files sent from this page: one line per batch ("12 stored, 1 duplicate, 2 refused") and one
 * {@link UploadRow} per file, updated live. A batch is the files of one drop or pick; it ends when all its uploads
 * have finished (or, for a drop whose files were all refused in the browser, after a short pause). When the next
 * batch starts, the rows of the previous one that have nothing more to say are removed, so the library stays near
 * the top of the page.
 */
class UploadTracker extends Div {

    private static final Duration PAUSE = Duration.ofMillis(1500);

    private final Paragraph summary = new Paragraph();
    private final Div rows = new Div();
    private final Consumer<UUID> onRetry;
    private final Clock clock;
    private final List<UploadRow> batch = new ArrayList<>();
    private final Map<String, Integer> answeredEarly = new HashMap<>();
    private boolean batchOpen;
    private Instant lastEvent = Instant.EPOCH;

    UploadTracker(Consumer<UUID> onRetry, Clock clock) {
        this.onRetry = onRetry;
        this.clock = clock;
        addClassName("upload-tracker");
        summary.setId("upload-summary");
        summary.getElement().setAttribute("role", "status");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.setVisible(false);
        rows.setId("upload-results");
        rows.getElement().setAttribute("role", "region");
        rows.getElement().setAttribute("aria-label", "Files sent from this page");
        add(summary, rows);
    }

    /** The browser started sending a file. */
    void sending(String clientFileName) {
        String name = FileNames.displayName(clientFileName);
        // the server's answer for a small file can overtake the browser's "started" event: its row exists already
        if (answeredEarly.merge(name, -1, Integer::sum) >= 0) {
            return;
        }
        answeredEarly.remove(name);
        join(new UploadRow(name, onRetry));
    }

    /** The browser refused a file before sending it (too many, too large, wrong type), with the reason. */
    void refusedInBrowser(String clientFileName, String reason) {
        UploadRow row = new UploadRow(FileNames.displayName(clientFileName), onRetry);
        join(row);
        row.show(new IngestOutcome.Refused(row.fileName(), reason));
        updateSummary();
    }

    /** The server has answered for one file. */
    void outcome(IngestOutcome outcome) {
        UploadRow row = batch.stream()
                .filter(candidate -> candidate.sending() && candidate.fileName().equals(outcome.fileName()))
                .findFirst()
                .orElseGet(() -> {
                    UploadRow added = new UploadRow(outcome.fileName(), onRetry);
                    join(added);
                    answeredEarly.merge(outcome.fileName(), 1, Integer::sum);
                    return added;
                });
        row.show(outcome);
        updateSummary();
    }

    /** A committed change to an image, from any page or worker: the rows showing it follow. */
    void update(UUID id, @Nullable ImageSummary image) {
        rows.getChildren()
                .map(UploadRow.class::cast)
                .filter(row -> id.equals(row.imageId()))
                .forEach(row -> {
                    if (image == null) {
                        row.showDeleted();
                    } else if (!"DUPLICATE".equals(row.getElement().getAttribute("data-status"))) {
                        row.show(image);
                    }
                });
    }

    /** Every upload of the batch has finished. */
    void batchFinished() {
        batchOpen = false;
    }

    private void join(UploadRow row) {
        Instant now = clock.instant();
        boolean quiet = batch.stream().noneMatch(UploadRow::sending)
                && Duration.between(lastEvent, now).compareTo(PAUSE) > 0;
        if (!batchOpen || quiet) {
            startBatch();
        }
        lastEvent = now;
        batch.add(row);
        rows.add(row);
    }

    private void startBatch() {
        batchOpen = true;
        batch.clear();
        rows.getChildren()
                .map(UploadRow.class::cast)
                .filter(UploadRow::settled)
                .filter(row -> !"FAILED".equals(row.getElement().getAttribute("data-status")))
                .toList()
                .forEach(rows::remove);
    }

    private void updateSummary() {
        int stored = count("stored");
        int duplicates = count("duplicate");
        int refused = count("refused");
        int unavailable = count("unavailable");
        int full = count("full");
        List<String> parts = new ArrayList<>();
        if (stored > 0) {
            parts.add(stored + " stored");
        }
        if (duplicates > 0) {
            parts.add(duplicates + (duplicates == 1 ? " duplicate" : " duplicates"));
        }
        if (refused > 0) {
            parts.add(refused + " refused");
        }
        if (unavailable > 0) {
            parts.add(unavailable + " not stored (try again later)");
        }
        if (full > 0) {
            parts.add(full + " not stored (storage is full)");
        }
        summary.setText(String.join(", ", parts));
        summary.setVisible(!parts.isEmpty());
    }

    private int count(String outcome) {
        return (int) batch.stream()
                .filter(row -> outcome.equals(row.getElement().getAttribute("data-outcome")))
                .count();
    }
}
