package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CancellableStagesTest {

    @Test
    void cancellingTheChainCancelsTheRunningFirstStepAndNeverStartsTheNext() {
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicBoolean nextStarted = new AtomicBoolean();
        CompletableFuture<Integer> chain = CancellableStages.thenCompose(first, value -> {
            nextStarted.set(true);
            return CompletableFuture.completedFuture(value.length());
        });

        chain.cancel(true);
        first.complete("late");

        assertThat(first).isCancelled();
        assertThat(nextStarted).isFalse();
    }

    @Test
    void cancellingTheChainCancelsTheRunningSecondStep() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<Integer> second = new CompletableFuture<>();
        CompletableFuture<Integer> chain = CancellableStages.thenCompose(first, value -> second);
        first.complete("done");

        chain.cancel(true);

        assertThat(second).isCancelled();
    }

    @Test
    void nestedChainsPassCancellationAllTheWayBack() {
        CompletableFuture<String> innermost = new CompletableFuture<>();
        CompletableFuture<Integer> inner = CancellableStages.thenApply(innermost, String::length);
        CompletableFuture<String> outer = CancellableStages.thenApply(
                CancellableStages.thenCompose(CompletableFuture.completedFuture("x"), value -> inner),
                Object::toString);

        outer.cancel(true);

        assertThat(innermost).isCancelled();
    }

    @Test
    void valuesFlowThrough() {
        CompletableFuture<String> chain = CancellableStages.thenApply(
                CancellableStages.thenCompose(
                        CompletableFuture.completedFuture("abc"),
                        value -> CompletableFuture.supplyAsync(value::length)),
                length -> "length " + length);

        assertThat(chain.join()).isEqualTo("length 3");
    }

    @Test
    void failuresArriveUnwrapped() {
        CompletableFuture<Integer> chain = CancellableStages.thenCompose(
                CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("The recording is empty.");
                }),
                value -> CompletableFuture.completedFuture(1));

        assertThatThrownBy(chain::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The recording is empty.");
    }
}
