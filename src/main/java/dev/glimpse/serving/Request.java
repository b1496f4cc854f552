package dev.glimpse.serving;

import java.util.concurrent.CompletableFuture;

/** One queued input of an {@link InferenceExecutor} and the future its caller holds. */
record Request<I, O>(I input, CompletableFuture<O> future) {

    Request(I input) {
        this(input, new CompletableFuture<>());
    }
}
