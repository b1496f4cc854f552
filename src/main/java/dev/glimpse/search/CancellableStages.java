package dev.glimpse.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Chains futures so that cancelling the last one stops the whole chain: the step running now is cancelled (an
 * inference request still waiting in its queue is removed) and no later step starts. {@link CompletableFuture}'s
 * own {@code thenCompose} does not pass cancellation back to earlier stages.
 */
final class CancellableStages {

    private CancellableStages() {}

    static <T, R> CompletableFuture<R> thenCompose(
            CompletableFuture<T> first, Function<? super T, ? extends CompletableFuture<R>> next) {
        CompletableFuture<R> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<R>> second = new AtomicReference<>();
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                first.cancel(true);
                CompletableFuture<R> running = second.get();
                if (running != null) {
                    running.cancel(true);
                }
            }
        });
        first.whenComplete((value, error) -> {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            CompletableFuture<R> following;
            try {
                following = next.apply(value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            second.set(following);
            if (result.isCancelled()) {
                following.cancel(true);
                return;
            }
            following.whenComplete((outcome, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(outcome);
                }
            });
        });
        return result;
    }

    static <T, R> CompletableFuture<R> thenApply(CompletableFuture<T> first, Function<? super T, ? extends R> next) {
        return thenCompose(first, value -> CompletableFuture.completedFuture(next.apply(value)));
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
