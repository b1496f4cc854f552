package dev.glimpse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.CpuSaturation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The watcher keeps checking after its first pass however the threads are scheduled: a start-up race once made it
 * stop after one check whenever the new thread ran before {@code start()} returned, which a busy machine makes
 * likely. Every round here runs while all cores are saturated.
 */
class ModelWatcherLifecycleTest {

    private static final int ROUNDS = 100;

    /** Counts checks and remembers which threads made them. */
    private static final class CountingChecks implements ModelWatcher.Checks {
        final AtomicInteger first = new AtomicInteger();
        final AtomicInteger later = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public List<ModelState> recheck(boolean isFirst) {
            threads.add(Thread.currentThread());
            (isFirst ? first : later).incrementAndGet();
            return List.of();
        }

        @Override
        public List<ModelState> states() {
            return List.of();
        }
    }

    @Test
    void keepsRecheckingAfterItsFirstPassOnEveryStartUnderFullCpuLoad() throws InterruptedException {
        long started = System.nanoTime();
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int round = 0; round < ROUNDS; round++) {
                CountingChecks checks = new CountingChecks();
                ModelWatcher watcher = new ModelWatcher(checks, Duration.ofMillis(1));
                watcher.start();
                assertThat(watcher.isRunning()).isTrue();
                await("round " + round + ": a recheck after the first pass")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> checks.later.get() >= 2);
                watcher.stop();
                assertThat(watcher.isRunning()).isFalse();
                await("round " + round + ": the watcher thread ends after stop")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> checks.threads.stream().noneMatch(Thread::isAlive));
                assertThat(checks.first).hasValue(1);
            }
        }
        System.out.printf(
                "ModelWatcher: %d start/check/stop rounds under full CPU load in %d ms%n",
                ROUNDS, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aRestartLeavesOneCheckingThreadAndAStartWhileRunningIsIgnored() throws InterruptedException {
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int round = 0; round < 30; round++) {
                CountingChecks checks = new CountingChecks();
                ModelWatcher watcher = new ModelWatcher(checks, Duration.ofMillis(1));
                watcher.start();
                watcher.start();
                watcher.stop();
                watcher.start();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> checks.later.get() >= 2
                                && checks.threads.stream()
                                                .filter(Thread::isAlive)
                                                .count()
                                        == 1);
                watcher.stop();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> checks.threads.stream().noneMatch(Thread::isAlive));
                assertThat(checks.first.get()).isBetween(1, 2);
            }
        }
    }
}
