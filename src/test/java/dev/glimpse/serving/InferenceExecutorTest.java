package dev.glimpse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.serving.InferenceExecutor.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every test first occupies the single worker with a "gate" request whose batch blocks until released, so that what
 * is queued meanwhile is decided by the test, not by timing.
 */
class InferenceExecutorTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch gateEntered = new CountDownLatch(1);
    private final Semaphore gate = new Semaphore(0);
    private InferenceExecutor<String, String> executor;

    private List<String> model(List<String> inputs) {
        if (inputs.contains("gate")) {
            gateEntered.countDown();
            gate.acquireUninterruptibly();
        }
        batches.add(List.copyOf(inputs));
        if (inputs.contains("bad")) {
            throw new IllegalArgumentException("model failed");
        }
        return inputs.stream().map(String::toUpperCase).toList();
    }

    private InferenceExecutor<String, String> start(int maxBatch, int capacity) throws InterruptedException {
        executor = InferenceExecutor.<String, String>builder("test", this::model)
                .maxBatch(maxBatch)
                .maxDelay(Duration.ZERO)
                .queueCapacity(capacity)
                .build();
        CompletableFuture<String> gateFuture = executor.submit("gate");
        gateEntered.await();
        assertThat(gateFuture).isNotDone();
        return executor;
    }

    @AfterEach
    void close() {
        gate.release(100);
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void requestsWaitingTogetherRunAsOneBatch() throws Exception {
        start(8, 16);
        List<CompletableFuture<String>> futures =
                List.of(executor.submit("a"), executor.submit("b"), executor.submit("c"));
        assertThat(executor.queued()).isEqualTo(3);

        gate.release();

        assertThat(futures.stream().map(CompletableFuture::join)).containsExactly("A", "B", "C");
        assertThat(batches).containsExactly(List.of("gate"), List.of("a", "b", "c"));
    }

    @Test
    void batchesAreCappedAtMaxBatch() throws Exception {
        start(2, 16);
        List<CompletableFuture<String>> futures =
                List.of(executor.submit("a"), executor.submit("b"), executor.submit("c"));
        gate.release();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        assertThat(batches).containsExactly(List.of("gate"), List.of("a", "b"), List.of("c"));
    }

    @Test
    void aFullQueueRefusesAtOnceWithBusy() throws Exception {
        start(8, 2);
        CompletableFuture<String> first = executor.submit("a");
        CompletableFuture<String> second = executor.submit("b", Priority.BACKGROUND);

        CompletableFuture<String> refused = executor.submit("c");

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(BusyException.class);
        assertThat(executor.queued()).isEqualTo(2);
        gate.release();
        assertThat(first.join() + second.join()).isEqualTo("AB");
        assertThat(executor.submit("d").join()).isEqualTo("D");
    }

    @Test
    void userRequestsAreTakenBeforeQueuedBackgroundWork() throws Exception {
        start(1, 16);
        CompletableFuture<String> b1 = executor.submit("b1", Priority.BACKGROUND);
        CompletableFuture<String> b2 = executor.submit("b2", Priority.BACKGROUND);
        CompletableFuture<String> u1 = executor.submit("u1", Priority.USER);
        CompletableFuture<String> u2 = executor.submit("u2");

        gate.release();

        CompletableFuture.allOf(b1, b2, u1, u2).join();
        assertThat(batches)
                .containsExactly(List.of("gate"), List.of("u1"), List.of("u2"), List.of("b1"), List.of("b2"));
    }

    @Test
    void aCancelledRequestIsRemovedAndNeverRun() throws Exception {
        start(8, 16);
        CompletableFuture<String> cancelled = executor.submit("a");
        CompletableFuture<String> kept = executor.submit("b");

        assertThat(cancelled.cancel(false)).isTrue();

        assertThat(executor.queued()).isEqualTo(1);
        gate.release();
        assertThat(kept.join()).isEqualTo("B");
        assertThat(batches).containsExactly(List.of("gate"), List.of("b"));
    }

    @Test
    void aFailingBatchFailsOnlyItsOwnRequests() throws Exception {
        start(8, 16);
        CompletableFuture<String> bad = executor.submit("bad");
        CompletableFuture<String> sameBatch = executor.submit("x");
        gate.release();

        assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("model failed");
        assertThatThrownBy(sameBatch::join).hasRootCauseMessage("model failed");

        assertThat(executor.submit("later").join()).isEqualTo("LATER");
    }

    @Test
    void aBatchFunctionReturningTheWrongNumberOfOutputsFailsThatBatch() {
        try (InferenceExecutor<String, String> broken = InferenceExecutor.<String, String>builder(
                        "broken", inputs -> List.of())
                .build()) {
            assertThatThrownBy(() -> broken.submit("a").join())
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("returned 0 outputs for 1 inputs");
        }
    }

    @Test
    void workersRunBatchesInParallel() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        try (InferenceExecutor<String, String> parallel = InferenceExecutor.<String, String>builder(
                        "parallel", inputs -> {
                            bothRunning.countDown();
                            try {
                                if (!bothRunning.await(30, TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("the other worker never ran");
                                }
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return inputs;
                        })
                .workers(2)
                .maxBatch(1)
                .build()) {
            CompletableFuture<String> first = parallel.submit("a");
            CompletableFuture<String> second = parallel.submit("b");
            assertThat(first.join() + second.join()).isEqualTo("ab");
        }
    }

    @Test
    void closeFailsWaitingRequestsAndRefusesNewOnes() throws Exception {
        start(8, 16);
        CompletableFuture<String> waiting = executor.submit("a", Priority.BACKGROUND);

        Thread closer = Thread.ofVirtual().start(executor::close);
        assertThatThrownBy(waiting::join).hasCauseInstanceOf(RejectedExecutionException.class);
        gate.release();
        closer.join();

        assertThatThrownBy(() -> executor.submit("b").join()).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(batches).containsExactly(List.of("gate"));
    }
}
