package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;

/**
 * Where a model reports how long the stages of one call take (pre-processing, encoder, each decoding step…), for
 * benchmarks. A model takes one per call and times its own stages on the path every call runs; {@link #NONE}, what
 * every other caller passes, reads no clock, waits for nothing and records nothing.
 */
public interface StageTimings {

    /** Times nothing. */
    StageTimings NONE = new StageTimings() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void record(String stage, long nanos) {}
    };

    /** One run of {@code stage} took {@code nanos} nanoseconds. */
    void record(String stage, long nanos);

    /** A figure that goes with a stage, such as the native arrays one decoding step created; ignored by default. */
    default void count(String figure, long value) {}

    /** Whether stages are timed; when not, a model reads no clock and waits for no device. */
    default boolean enabled() {
        return true;
    }

    /** The clock at the start of a stage: {@link System#nanoTime}, or 0 without reading it when nothing is timed. */
    default long start() {
        return enabled() ? System.nanoTime() : 0;
    }

    /** Records the time since {@code start} as one run of {@code stage}. */
    default void end(String stage, long start) {
        if (enabled()) {
            record(stage, System.nanoTime() - start);
        }
    }

    /**
     * Waits for {@code result} (copied to the host: an asynchronous device returns before its work is done), then
     * records the time since {@code start} as one run of {@code stage}.
     */
    default void end(String stage, long start, NDArray result) {
        if (enabled()) {
            result.toByteBuffer();
            record(stage, System.nanoTime() - start);
        }
    }
}
