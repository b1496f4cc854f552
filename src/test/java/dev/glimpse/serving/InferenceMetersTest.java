package dev.glimpse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceMetersTest {

    @Test
    void refusalsBatchSizesAndLatenciesAreCountedPerModel() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorProperties settings = new ExecutorProperties(1, 4, Duration.ZERO, 2);
        try (InferenceExecutor<Integer, Integer> executor = settings.build(
                "caption",
                (List<Integer> inputs) -> {
                    started.countDown();
                    await(release);
                    return inputs;
                },
                new InferenceMeters(meters, "caption", "tiny"))) {
            CompletableFuture<Integer> first = executor.submit(1);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> second = executor.submit(2);
            CompletableFuture<Integer> third = executor.submit(3);
            CompletableFuture<Integer> refused = executor.submit(4);
            assertThatThrownBy(refused::join).hasCauseInstanceOf(BusyException.class);
            release.countDown();
            CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        }

        assertThat(meters.get("glimpse.inference.busy.refusals")
                        .tag("role", "caption")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("glimpse.inference").tag("model", "tiny").timer().count())
                .isEqualTo(3);
        // one batch of 1 while the other two waited, then one batch of 2
        assertThat(meters.get("glimpse.inference.batch.size").summary().count()).isEqualTo(2);
        assertThat(meters.get("glimpse.inference.batch.size").summary().totalAmount())
                .isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
