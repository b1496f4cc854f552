package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch is one pick, announced by the browser before its files: the rows and the summary of a pick hold all its
 * files however its uploads are spread in time, and only the next pick clears what has nothing more to say. The
 * summary and rows say why a file was not stored: storage away ("try again later") or full.
 */
class UploadTrackerTest {

    private final UploadTracker tracker = new UploadTracker(id -> {});

    @Test
    void aPickKeepsItsRefusalsAndItsAnswersTogetherUntilTheNextPick() {
        tracker.picked(List.of());
        for (int i = 0; i < 5; i++) {
            tracker.refusedInBrowser("extra-" + i + ".png", "At most 20 files are taken per drop or pick.");
        }
        tracker.sending("first.png");
        tracker.outcome(new IngestOutcome.Refused("first.png", "damaged"));
        // a long pause on a busy server: the next upload of the same pick starts much later
        tracker.sending("second.png");
        tracker.outcome(new IngestOutcome.Refused("second.png", "damaged"));

        assertThat(summary()).isEqualTo("7 refused");
        assertThat(rowCount()).isEqualTo(7);

        tracker.picked(List.of());
        tracker.refusedInBrowser("next.gif", "not an image");

        assertThat(summary()).isEqualTo("1 refused");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void fileNotStoredBecauseStorageIsFullSaysStorageIsFull() {
        tracker.picked(List.of());
        tracker.sending("a.png");

        tracker.outcome(IngestOutcome.Unavailable.of("a.png", true));

        assertThat(summary()).isEqualTo("1 not stored (storage is full)");
        assertThat(firstRowText()).contains("storage is full").doesNotContain("try again later");
    }

    @Test
    void fileNotStoredBecauseStorageIsAwaySaysTryAgainLater() {
        tracker.picked(List.of());
        tracker.sending("b.png");

        tracker.outcome(IngestOutcome.Unavailable.of("b.png", false));

        assertThat(summary()).isEqualTo("1 not stored (try again later)");
        assertThat(firstRowText()).contains("try again later").doesNotContain("full");
    }

    @Test
    void anAnswerThatArrivesBeforeItsPickIsAnnouncedStaysWithThatPick() {
        tracker.picked(List.of("old.png"));
        tracker.sending("old.png");
        tracker.outcome(new IngestOutcome.Refused("old.png", "damaged"));
        // the upload of the next pick was answered before the browser's announcement of the pick reached the server
        tracker.outcome(new IngestOutcome.Refused("early.png", "damaged"));

        tracker.picked(List.of("early.png", "late.png"));
        tracker.sending("early.png");
        tracker.sending("late.png");
        tracker.outcome(new IngestOutcome.Refused("late.png", "damaged"));

        assertThat(summary()).isEqualTo("2 refused");
        assertThat(rowCount()).isEqualTo(2);
    }

    private String firstRowText() {
        return tracker.getElement().getChild(1).getChild(0).getTextRecursively();
    }

    private String summary() {
        return tracker.getChildren()
                .filter(Paragraph.class::isInstance)
                .map(Paragraph.class::cast)
                .findFirst()
                .orElseThrow()
                .getText();
    }

    private long rowCount() {
        return tracker.getChildren()
                .filter(child -> "upload-results".equals(child.getId().orElse("")))
                .findFirst()
                .map(Component::getChildren)
                .orElseThrow()
                .count();
    }
}
