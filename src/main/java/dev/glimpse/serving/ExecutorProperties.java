package dev.glimpse.serving;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one model's requests are run: worker threads, the largest micro-batch, how long a worker waits to fill one,
 * and how many requests may wait before new ones are refused as busy.
 */
public record ExecutorProperties(
        @Min(1) @Max(16) @DefaultValue("1") int workers,
        @Min(1) @Max(256) @DefaultValue("8") int maxBatch,
        @NotNull @DefaultValue("10ms") Duration maxDelay,
        @Min(1) @Max(100_000) @DefaultValue("64") int queueCapacity) {

    public <I, O> InferenceExecutor<I, O> build(
            String name, java.util.function.Function<java.util.List<I>, java.util.List<O>> batch) {
        return build(name, batch, InferenceExecutor.Listener.NONE);
    }

    /** An executor with these settings that tells {@code listener} what it does. */
    public <I, O> InferenceExecutor<I, O> build(
            String name,
            java.util.function.Function<java.util.List<I>, java.util.List<O>> batch,
            InferenceExecutor.Listener listener) {
        return InferenceExecutor.builder(name, batch)
                .listener(listener)
                .workers(workers)
                .maxBatch(maxBatch)
                .maxDelay(maxDelay)
                .queueCapacity(queueCapacity)
                .build();
    }
}
