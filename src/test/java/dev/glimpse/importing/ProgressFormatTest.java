package dev.glimpse.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void theBarShowsCountPercentageRateAndTimeLeft() {
        String bar = ProgressFormat.bar(1_234, 10_000, Duration.ofSeconds(100));

        System.out.println(bar);
        assertThat(bar)
                .isEqualTo("[###...........................]  1,234/10,000   12%  12.3 files/s  ETA 11 min 51 s");
    }

    @Test
    void thePlainLineSaysTheSameInWords() {
        assertThat(ProgressFormat.line(500, 1_000, Duration.ofMinutes(50)))
                .isEqualTo("500 of 1,000 files (50%), 0.2 files/s, about 50 min left");
    }

    @Test
    void beforeTheFirstFileTheTimeLeftIsUnknownAndAtTheEndItIsZero() {
        assertThat(ProgressFormat.line(0, 10, Duration.ZERO)).endsWith("about ? left");
        assertThat(ProgressFormat.bar(10, 10, Duration.ofSeconds(5)))
                .contains("100%")
                .endsWith("ETA 0 s");
        assertThat(ProgressFormat.bar(0, 0, Duration.ZERO)).contains("100%");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEndedWithANewLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ImportProgress progress = new ImportProgress(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 3, Duration.ZERO, now::get);
        now.addAndGet(200_000_000L);
        progress.advance();
        now.addAndGet(10_000_000L);
        progress.advance(); // within 100 ms of the last redraw: not drawn
        progress.advance();
        progress.finish();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown.split("\r", -1)).hasSize(3);
        assertThat(shown).contains("1/3").doesNotContain("2/3").contains("3/3").endsWith(System.lineSeparator());
    }

    @Test
    void elsewherePlainLinesComeEveryIntervalAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ImportProgress progress = new ImportProgress(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 4, Duration.ofSeconds(5), now::get);
        for (int i = 0; i < 4; i++) {
            now.addAndGet(3_000_000_000L);
            progress.advance();
        }
        progress.finish();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines)
                .containsExactly(
                        "2 of 4 files (50%), 0.3 files/s, about 6 s left",
                        "4 of 4 files (100%), 0.3 files/s, about 0 s left",
                        "4 of 4 files (100%), 0.3 files/s, about 0 s left");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}
