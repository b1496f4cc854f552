package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.CpuSaturation;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Renewal starts and stops cleanly however the threads are scheduled: it renews after every start, one renewing
 * thread remains while started (a thread from an earlier start ends at its next look), none after stop.
 */
class LeaseRenewalLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Counts renewals, remembers the renewing threads and how many renew at the same moment. */
    private static final class CountingRenewer implements LeaseRenewal.Claims {
        final AtomicInteger renewals = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public Set<UUID> renew(Collection<UUID> ids) {
            threads.add(Thread.currentThread());
            renewals.incrementAndGet();
            return Set.copyOf(ids);
        }

        @Override
        public Set<UUID> takenOver(Collection<UUID> ids) {
            return Set.of();
        }
    }

    @Test
    void renewsAfterEveryStartAndLeavesNoThreadAfterStopUnderFullCpuLoad() throws InterruptedException {
        int rounds = 100;
        long started = System.nanoTime();
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int round = 0; round < rounds; round++) {
                CountingRenewer renewer = new CountingRenewer();
                LeaseRenewal renewal = new LeaseRenewal(renewer, Duration.ofMillis(3));
                renewal.hold(UUID.randomUUID());
                renewal.start();
                if (round % 2 == 1) { // odd rounds: a quick stop and start again, then a second start that is ignored
                    renewal.stop();
                    renewal.start();
                    renewal.start();
                }
                assertThat(renewal.isRunning()).isTrue();
                await("round " + round + " renews on one thread")
                        .atMost(PATIENCE)
                        .until(() -> renewer.renewals.get() >= 3
                                && renewer.threads.stream()
                                                .filter(Thread::isAlive)
                                                .count()
                                        == 1);
                renewal.stop();
                assertThat(renewal.isRunning()).isFalse();
                await("round " + round + " ends its threads")
                        .atMost(PATIENCE)
                        .until(() -> renewer.threads.stream().noneMatch(Thread::isAlive));
            }
        }
        System.out.printf(
                "LeaseRenewal: %d start/renew/stop rounds under full CPU load in %d ms%n",
                rounds, (System.nanoTime() - started) / 1_000_000);
    }
}
