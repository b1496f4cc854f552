package dev.glimpse.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientMaySpendItsMinuteAtOnceThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(3, 100, now::get);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        Duration wait = buckets.take("a");

        assertThat(wait).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBuckets buckets = new TokenBuckets(6, 100, now::get);
        for (int i = 0; i < 6; i++) {
            buckets.take("a");
        }

        advance(Duration.ofSeconds(9));
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void anotherClientIsNotAffected() {
        TokenBuckets buckets = new TokenBuckets(1, 100, now::get);
        buckets.take("a");

        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }

    @Test
    void idleClientsAreForgottenAndTheMapStaysBounded() {
        TokenBuckets buckets = new TokenBuckets(5, 1000, now::get);
        for (int i = 0; i < 500; i++) {
            buckets.take("client-" + i);
        }
        assertThat(buckets.trackedClients()).isEqualTo(500);

        advance(Duration.ofSeconds(61));
        buckets.take("late");

        assertThat(buckets.trackedClients()).isEqualTo(1);
    }

    @Test
    void beyondMaxClientsTheLeastRecentlySeenIsDropped() {
        TokenBuckets buckets = new TokenBuckets(1, 3, now::get);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");
        buckets.take("a"); // refused, but a is now the most recently seen
        buckets.take("d"); // pushes out b

        assertThat(buckets.trackedClients()).isEqualTo(3);
        assertThat(buckets.take("a")).as("a is still limited").isPositive();
        assertThat(buckets.take("b")).as("b starts afresh").isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
