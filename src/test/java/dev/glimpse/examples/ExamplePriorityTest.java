package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.serving.InferenceExecutor;
import dev.glimpse.serving.InferenceExecutor.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Example captions run at background priority: an upload's caption request overtakes every waiting example. */
class ExamplePriorityTest {

    @Test
    void aUserRequestIsTakenBeforeWaitingExampleWork() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        try (InferenceExecutor<String, String> executor = InferenceExecutor.<String, String>builder(
                        "caption", inputs -> {
                            firstBatchStarted.countDown();
                            await(release);
                            order.addAll(inputs);
                            return inputs.stream()
                                    .map(input -> "caption of " + input)
                                    .toList();
                        })
                .maxBatch(1)
                .maxDelay(Duration.ZERO)
                .build()) {
            List<CompletableFuture<String>> examples = new ArrayList<>();
            examples.add(executor.submit("example-0", Priority.BACKGROUND));
            assertThat(firstBatchStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 5; i++) {
                examples.add(executor.submit("example-" + i, Priority.BACKGROUND));
            }

            CompletableFuture<String> upload = executor.submit("upload", Priority.USER);
            release.countDown();

            assertThat(upload.get(30, TimeUnit.SECONDS)).isEqualTo("caption of upload");
            CompletableFuture.allOf(examples.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(order)
                    .containsExactly(
                            "example-0", "upload", "example-1", "example-2", "example-3", "example-4", "example-5");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
