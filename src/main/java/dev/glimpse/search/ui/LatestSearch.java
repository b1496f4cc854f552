package dev.glimpse.search.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one search a page is waiting for. Starting another cancels it ({@code cancel(true)}), and an answer that
 * arrives for a search that was replaced or cancelled is dropped. Answers are handed over through {@link PageAccess}
 * (in the app {@code UI.access}), so the page is changed with its session locked and the change is pushed. Call it
 * only with the page's session locked.
 */
final class LatestSearch {

    private @Nullable CompletableFuture<?> current;

    /**
     * Starts a search and hands its answer, or the cause of its failure, to the page. A call that throws instead of
     * returning a future counts as a failure.
     */
    <T> void start(
            PageAccess page,
            Supplier<CompletableFuture<T>> search,
            Consumer<T> onAnswer,
            Consumer<Throwable> onFailure) {
        cancel();
        CompletableFuture<T> future;
        try {
            future = search.get();
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return;
        }
        current = future;
        future.whenComplete((answer, failure) -> page.access(() -> {
            if (current != future) {
                return;
            }
            current = null;
            Throwable cause = cause(failure);
            if (cause == null) {
                onAnswer.accept(answer);
            } else if (!(cause instanceof CancellationException)) {
                onFailure.accept(cause);
            }
        }));
    }

    /** Cancels the search being waited for, if any; its answer will not be shown. */
    void cancel() {
        CompletableFuture<?> running = current;
        current = null;
        if (running != null) {
            running.cancel(true);
        }
    }

    boolean waiting() {
        return current != null;
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
