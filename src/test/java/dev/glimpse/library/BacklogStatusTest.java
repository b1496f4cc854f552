package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BacklogStatusTest {

    @Test
    void describesTheBacklogWithTheTimeLeftAtTheMeasuredRate() {
        // 6,588 waiting at 1.1 images/s: 5,989 s, i.e. 1 h 39 min 49 s, said as 1 h 39 min
        BacklogStatus status = new BacklogStatus(6_588, 10_000, 1.1);

        assertThat(status.done()).isEqualTo(3_412);
        assertThat(status.describe()).isEqualTo("Captioning 3,412 of 10,000 · about 1 h 39 min left");
    }

    @Test
    void untilTheRateIsMeasuredItSaysSo() {
        assertThat(new BacklogStatus(10, 10, null).describe())
                .isEqualTo("Captioning 0 of 10 · estimating the time left");
        assertThat(new BacklogStatus(10, 10, null).timeLeft()).isEmpty();
    }

    @Test
    void nothingWaitingSaysNothing() {
        assertThat(BacklogStatus.NONE.describe()).isEmpty();
        assertThat(new BacklogStatus(0, 0, 2.0).timeLeft()).isEmpty();
    }

    @Test
    void durationsAreSaidInTheirTwoLargestUnits() {
        assertThat(SpokenDuration.of(Duration.ofMinutes(100))).isEqualTo("1 h 40 min");
        assertThat(SpokenDuration.of(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(SpokenDuration.of(Duration.ofSeconds(192))).isEqualTo("3 min 12 s");
        assertThat(SpokenDuration.of(Duration.ofSeconds(120))).isEqualTo("2 min");
        assertThat(SpokenDuration.of(Duration.ofMillis(44_001))).isEqualTo("45 s");
    }
}
