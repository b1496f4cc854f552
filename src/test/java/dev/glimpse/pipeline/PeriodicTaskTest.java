package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
