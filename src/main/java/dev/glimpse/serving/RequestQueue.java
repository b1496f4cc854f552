package dev.glimpse.serving;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The bounded two-priority queue behind {@link InferenceExecutor}; user requests leave before background ones. */
final class RequestQueue<I, O> {

    private final int capacity;
    private final Deque<Request<I, O>> user = new ArrayDeque<>();
    private final Deque<Request<I, O>> background = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private boolean closed;

    RequestQueue(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Adds the request; false when the queue is full. A closed queue fails the request instead. */
    boolean offer(Request<I, O> request, InferenceExecutor.Priority priority) {
        lock.lock();
        try {
            if (closed) {
                request.future().completeExceptionally(new RejectedExecutionException("Executor is closed"));
                return true;
            }
            if (size() >= capacity) {
                return false;
            }
            (priority == InferenceExecutor.Priority.USER ? user : background).addLast(request);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void remove(Request<I, O> request) {
        lock.lock();
        try {
            if (!user.remove(request)) {
                background.remove(request);
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return user.size() + background.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a first request, then up to {@code maxDelay} for more, and returns at most {@code maxBatch} of them,
     * user requests first. Returns an empty list once the queue is closed.
     */
    List<Request<I, O>> takeBatch(int maxBatch, Duration maxDelay) throws InterruptedException {
        List<Request<I, O>> batch = new ArrayList<>(maxBatch);
        lock.lock();
        try {
            while (!closed && batch.isEmpty()) {
                drainInto(batch, maxBatch);
                if (batch.isEmpty()) {
                    notEmpty.await();
                }
            }
            long remaining = maxDelay.toNanos();
            long deadline = System.nanoTime() + remaining;
            while (!closed && batch.size() < maxBatch && remaining > 0) {
                notEmpty.awaitNanos(remaining);
                drainInto(batch, maxBatch);
                remaining = deadline - System.nanoTime();
            }
            if (closed) {
                batch.forEach(request -> request.future().completeExceptionally(closedError()));
                return List.of();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void drainInto(List<Request<I, O>> batch, int maxBatch) {
        drain(user, batch, maxBatch);
        drain(background, batch, maxBatch);
        if (!user.isEmpty() || !background.isEmpty()) {
            notEmpty.signal();
        }
    }

    private static <I, O> void drain(Deque<Request<I, O>> from, List<Request<I, O>> batch, int maxBatch) {
        while (batch.size() < maxBatch && !from.isEmpty()) {
            Request<I, O> request = from.pollFirst();
            if (!request.future().isDone()) {
                batch.add(request);
            }
        }
    }

    /** Refuses new requests, fails the waiting ones and wakes every worker. */
    void close() {
        lock.lock();
        try {
            closed = true;
            RejectedExecutionException error = closedError();
            user.forEach(request -> request.future().completeExceptionally(error));
            background.forEach(request -> request.future().completeExceptionally(error));
            user.clear();
            background.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static RejectedExecutionException closedError() {
        return new RejectedExecutionException("Inference executor closed before the request ran");
    }
}
