package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The upload page's summary and rows say why a file was not stored: storage away ("try again later") or full. */
class UploadTrackerTest {

    @Test
    void fileNotStoredBecauseStorageIsFullSaysStorageIsFull() {
        UploadTracker tracker = new UploadTracker(id -> {}, Clock.systemUTC());
        tracker.sending("a.png");

        tracker.outcome(IngestOutcome.Unavailable.of("a.png", true));

        assertThat(summary(tracker)).isEqualTo("1 not stored (storage is full)");
        assertThat(rowText(tracker)).contains("storage is full").doesNotContain("try again later");
    }

    @Test
    void fileNotStoredBecauseStorageIsAwaySaysTryAgainLater() {
        UploadTracker tracker = new UploadTracker(id -> {}, Clock.systemUTC());
        tracker.sending("b.png");

        tracker.outcome(IngestOutcome.Unavailable.of("b.png", false));

        assertThat(summary(tracker)).isEqualTo("1 not stored (try again later)");
        assertThat(rowText(tracker)).contains("try again later").doesNotContain("full");
    }

    private static String summary(UploadTracker tracker) {
        return tracker.getChildren()
                .filter(Paragraph.class::isInstance)
                .findFirst()
                .orElseThrow()
                .getElement()
                .getText();
    }

    private static String rowText(UploadTracker tracker) {
        return tracker.getElement().getChild(1).getChild(0).getTextRecursively();
    }
}
