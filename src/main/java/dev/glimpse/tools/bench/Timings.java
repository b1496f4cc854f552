package dev.glimpse.tools.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/** Repeated measurements: warm-up runs first, then the median of the measured runs. */
final class Timings {

    private Timings() {}

    /** The median milliseconds of {@code runs} runs of {@code work} after {@code warmUp} unmeasured ones. */
    static double medianMillis(int warmUp, int runs, Runnable work) {
        return median(warmUp, runs, () -> {
            long start = System.nanoTime();
            work.run();
            return (System.nanoTime() - start) / 1e6;
        });
    }

    /** The median of {@code runs} values of {@code measurement} after {@code warmUp} discarded ones. */
    static double median(int warmUp, int runs, DoubleSupplier measurement) {
        for (int i = 0; i < warmUp; i++) {
            measurement.getAsDouble();
        }
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measurement.getAsDouble();
        }
        return median(values);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Collects the garbage an earlier part of the run left (and with it the native memory of unreachable direct
     * buffers), so that the collector's concurrent threads do not compete for the cores while a stage is timed.
     */
    static void settle() {
        System.gc();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
