package dev.glimpse.ingest;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.glimpse.library.ImageSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What happened to the files sent from this page: one line per batch ("12 stored, 1 duplicate, 2 refused") and one
 * {@link UploadRow} per file, updated live. A batch is the files of one drop or pick: the browser announces each pick
 * before its files ({@link #picked}), so a pick whose uploads are spread out (a busy server, a slow link) stays one
 * batch. When the next pick starts, the rows of the previous one that have nothing more to say are removed, so the
 * library stays near the top of the page.
 */
class UploadTracker extends Div {

    private final Paragraph summary = new Paragraph();
    private final Div rows = new Div();
    private final Consumer<UUID> onRetry;
    private final List<UploadRow> batch = new ArrayList<>();
    private final Map<String, Integer> answeredEarly = new HashMap<>();

    UploadTracker(Consumer<UUID> onRetry) {
        this.onRetry = onRetry;
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

    /**
     * The user dropped or picked these files: they form the next batch. The server's answer for a file can arrive
     * before this announcement (its upload is a request of its own); such rows already belong to the new pick and
     * stay, with their early answers.
     */
    void picked(List<String> clientFileNames) {
        Set<String> names = new HashSet<>();
        clientFileNames.forEach(name -> names.add(FileNames.displayName(name)));
        List<UploadRow> answeredBeforeThePick =
                batch.stream().filter(row -> names.contains(row.fileName())).toList();
        batch.clear();
        batch.addAll(answeredBeforeThePick);
        answeredEarly.keySet().retainAll(names);
        rows.getChildren()
                .map(UploadRow.class::cast)
                .filter(UploadRow::settled)
                .filter(row -> !answeredBeforeThePick.contains(row))
                .filter(row -> !"FAILED".equals(row.getElement().getAttribute("data-status")))
                .toList()
                .forEach(rows::remove);
        updateSummary();
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

    private void join(UploadRow row) {
        batch.add(row);
        rows.add(row);
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
