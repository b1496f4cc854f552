package dev.glimpse.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs one model's requests on a fixed number of worker threads with micro-batching. Callers submit single inputs
 * and get a future; a worker takes the first waiting request, waits at most {@code maxDelay} for more, and runs up
 * to {@code maxBatch} of them as one call of the model owner's batch function. The queue is bounded: when it is
 * full, {@link #submit} answers at once with a future failed by {@link BusyException}. {@link Priority#USER}
 * requests are always taken before {@link Priority#BACKGROUND} ones. Cancelling a future before its batch starts
 * removes the request; {@link #close()} fails every request still waiting.
 *
 * @param <I> one request's input
 * @param <O> one request's output
 */
public final class InferenceExecutor<I, O> implements AutoCloseable {

    /** Which requests go first. */
    public enum Priority {
        /** Someone is waiting on the result (an upload, a search). */
        USER,
        /** Work nobody waits on (example captions, re-indexing). */
        BACKGROUND
    }

    /** Hears what the executor does, for metrics: refusals, batches run, requests answered. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** A request was refused because the queue was full. */
        default void refused() {}

        /** One batch call of {@code size} requests took {@code nanos}; {@code failed} when it threw. */
        default void batchRan(int size, long nanos, boolean failed) {}

        /** One request was answered {@code nanos} after it was submitted (queueing included). */
        default void answered(long nanos, boolean failed) {}
    }

    private final String name;
    private final Listener listener;
    private final Function<List<I>, List<O>> batchFunction;
    private final int maxBatch;
    private final Duration maxDelay;
    private final RequestQueue<I, O> queue;
    private final List<Thread> workers = new ArrayList<>();

    private InferenceExecutor(Builder<I, O> builder) {
        this.name = builder.name;
        this.listener = builder.listener;
        this.batchFunction = builder.batchFunction;
        this.maxBatch = builder.maxBatch;
        this.maxDelay = builder.maxDelay;
        this.queue = new RequestQueue<>(builder.queueCapacity);
        for (int i = 0; i < builder.workers; i++) {
            Thread worker = Thread.ofPlatform()
                    .name("inference-" + name + "-" + i)
                    .daemon(true)
                    .unstarted(this::work);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /**
     * A builder for the executor of model {@code name}, whose owner supplies {@code batchFunction}: it receives up to
     * {@code maxBatch} inputs and must return exactly one output per input, in the same order.
     */
    public static <I, O> Builder<I, O> builder(String name, Function<List<I>, List<O>> batchFunction) {
        return new Builder<>(name, batchFunction);
    }

    /** Submits a {@link Priority#USER} request. */
    public CompletableFuture<O> submit(I input) {
        return submit(input, Priority.USER);
    }

    /**
     * Queues one request. The future fails with {@link BusyException} at once when the queue is full, and with
     * {@link java.util.concurrent.RejectedExecutionException} when the executor is closed.
     */
    public CompletableFuture<O> submit(I input, Priority priority) {
        Objects.requireNonNull(priority, "priority");
        Request<I, O> request = new Request<>(input);
        long submitted = System.nanoTime();
        if (!queue.offer(request, priority)) {
            listener.refused();
            return CompletableFuture.failedFuture(new BusyException(name, queue.capacity()));
        }
        request.future().whenComplete((result, error) -> {
            if (request.future().isCancelled()) {
                queue.remove(request);
            } else {
                listener.answered(System.nanoTime() - submitted, error != null);
            }
        });
        return request.future();
    }

    /** Requests waiting (not yet taken by a worker). */
    public int queued() {
        return queue.size();
    }

    public String name() {
        return name;
    }

    private void work() {
        while (true) {
            List<Request<I, O>> batch;
            try {
                batch = queue.takeBatch(maxBatch, maxDelay);
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            run(batch);
        }
    }

    private void run(List<Request<I, O>> batch) {
        InferenceActivity.batchStarted();
        try {
            runBatch(batch);
        } finally {
            InferenceActivity.batchEnded();
        }
    }

    private void runBatch(List<Request<I, O>> batch) {
        List<O> outputs;
        long start = System.nanoTime();
        try {
            outputs = batchFunction.apply(batch.stream().map(Request::input).toList());
            if (outputs == null || outputs.size() != batch.size()) {
                throw new IllegalStateException("Model '" + name + "' returned "
                        + (outputs == null ? "null" : outputs.size() + " outputs") + " for " + batch.size()
                        + " inputs");
            }
        } catch (Throwable e) { // the worker must survive whatever the model throws
            listener.batchRan(batch.size(), System.nanoTime() - start, true);
            batch.forEach(request -> request.future().completeExceptionally(e));
            return;
        }
        listener.batchRan(batch.size(), System.nanoTime() - start, false);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(outputs.get(i));
        }
    }

    /**
     * Stops taking requests, fails those still waiting, lets running batches finish and waits up to five seconds
     * for the workers.
     */
    @Override
    public void close() {
        queue.close();
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Settings of an {@link InferenceExecutor}. */
    public static final class Builder<I, O> {
        private final String name;
        private final Function<List<I>, List<O>> batchFunction;
        private int workers = 1;
        private int maxBatch = 8;
        private Duration maxDelay = Duration.ofMillis(5);
        private int queueCapacity = 64;
        private Listener listener = Listener.NONE;

        private Builder(String name, Function<List<I>, List<O>> batchFunction) {
            this.name = Objects.requireNonNull(name, "name");
            this.batchFunction = Objects.requireNonNull(batchFunction, "batchFunction");
        }

        /** Worker threads, each running one batch at a time (default 1). */
        public Builder<I, O> workers(int workers) {
            this.workers = positive("workers", workers);
            return this;
        }

        /** Most requests in one batch call (default 8). */
        public Builder<I, O> maxBatch(int maxBatch) {
            this.maxBatch = positive("maxBatch", maxBatch);
            return this;
        }

        /** Longest a worker waits for more requests after the first one of a batch (default 5 ms). */
        public Builder<I, O> maxDelay(Duration maxDelay) {
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative");
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /** Most requests waiting; more are refused with {@link BusyException} (default 64). */
        public Builder<I, O> queueCapacity(int queueCapacity) {
            this.queueCapacity = positive("queueCapacity", queueCapacity);
            return this;
        }

        /** Told of refusals, batches and answers (default: nobody). */
        public Builder<I, O> listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public InferenceExecutor<I, O> build() {
            return new InferenceExecutor<>(this);
        }

        private static int positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, not " + value);
            }
            return value;
        }
    }
}
