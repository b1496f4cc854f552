package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.CpuSaturation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runsAgainAfterARunThatThrowsAndReportsTheFailure() {
        AtomicInteger runs = new AtomicInteger();
        List<RuntimeException> failures = new ArrayList<>();
        PeriodicTask task = new PeriodicTask("periodic-task-test", true, Duration.ZERO, Duration.ofMillis(10)) {
            @Override
            void run() {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first run fails");
                }
            }

            @Override
            synchronized void failed(RuntimeException error) {
                failures.add(error);
            }
        };
        task.start();
        try {
            assertThat(task.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() >= 3);
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();
        synchronized (task) {
            assertThat(failures)
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .isEqualTo("first run fails");
        }
        System.out.println("runs before stop: " + runs.get());
    }

    @Test
    void runsAfterEveryStartAndEndsItsThreadAfterEveryStopUnderFullCpuLoad() throws InterruptedException {
        int rounds = 50;
        long started = System.nanoTime();
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int round = 0; round < rounds; round++) {
                AtomicInteger runs = new AtomicInteger();
                Set<Thread> threads = ConcurrentHashMap.newKeySet();
                PeriodicTask task = new PeriodicTask("periodic-task-test", true, Duration.ZERO, Duration.ofMillis(1)) {
                    @Override
                    void run() {
                        threads.add(Thread.currentThread());
                        runs.incrementAndGet();
                    }

                    @Override
                    void failed(RuntimeException error) {}
                };
                task.start();
                task.start(); // a second start while running is ignored: still one thread
                await("round " + round).atMost(Duration.ofSeconds(60)).until(() -> runs.get() >= 2);
                task.stop();
                assertThat(task.isRunning()).isFalse();
                await("round " + round + " ends its thread")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> threads.stream().noneMatch(Thread::isAlive));
                assertThat(threads).hasSize(1);
            }
        }
        System.out.printf(
                "PeriodicTask: %d start/run/stop rounds under full CPU load in %d ms%n",
                rounds, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aDisabledTaskNeverRuns() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("periodic-task-test", false, Duration.ZERO, Duration.ofMillis(1)) {
            @Override
            void run() {
                runs.incrementAndGet();
            }

            @Override
            void failed(RuntimeException error) {}
        };
        task.start();
        assertThat(task.isRunning()).isFalse();
        task.stop();
        assertThat(runs).hasValue(0);
    }
}
