package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StorageBackoffTest {

    private final MutableClock clock = new MutableClock();
    private final StorageBackoff backoff = new StorageBackoff(Duration.ofSeconds(10), clock);

    @Test
    void nothingIsPausedBeforeAReadFails() {
        assertThat(backoff.paused()).isFalse();
    }

    @Test
    void aFailedReadPausesClaimingForThePauseThenLetsItTryAgain() {
        backoff.readFailed("disk gone");

        clock.advance(Duration.ofSeconds(9));
        assertThat(backoff.paused()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.paused()).isFalse();
    }

    @Test
    void everyFailedReadRestartsThePause() {
        backoff.readFailed("disk gone");
        clock.advance(Duration.ofSeconds(8));
        backoff.readFailed("still gone");

        clock.advance(Duration.ofSeconds(8));

        assertThat(backoff.paused()).isTrue();
    }

    @Test
    void aSuccessfulReadDoesNotCutAPauseShortButEndsTheOutage() {
        backoff.readFailed("disk gone");
        backoff.readSucceeded(); // an image read just before the outage finished late

        assertThat(backoff.paused()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(backoff.paused()).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
