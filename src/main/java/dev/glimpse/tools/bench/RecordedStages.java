package dev.glimpse.tools.bench;

import dev.glimpse.ml.StageTimings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stages one model call reported, every run of each in order, and the last value of each figure it counted. */
final class RecordedStages implements StageTimings {

    private final Map<String, List<Long>> runs = new HashMap<>();
    private final Map<String, Long> figures = new HashMap<>();

    @Override
    public void record(String stage, long nanos) {
        runs.computeIfAbsent(stage, name -> new ArrayList<>()).add(nanos);
    }

    @Override
    public void count(String figure, long value) {
        figures.put(figure, value);
    }

    /** Milliseconds of every run of {@code stage} together. */
    double millis(String stage) {
        return runs(stage).stream().mapToLong(Long::longValue).sum() / 1e6;
    }

    /** The median milliseconds of one run of {@code stage} (a decoding step: one per token after the prompt). */
    double medianMillis(String stage) {
        return Timings.median(
                runs(stage).stream().mapToDouble(nanos -> nanos / 1e6).toArray());
    }

    /** How many times {@code stage} ran. */
    int count(String stage) {
        return runs(stage).size();
    }

    /** The last value of {@code figure}. */
    long figure(String figure) {
        Long value = figures.get(figure);
        if (value == null) {
            throw new IllegalStateException("The model counted no " + figure);
        }
        return value;
    }

    private List<Long> runs(String stage) {
        List<Long> recorded = runs.get(stage);
        if (recorded == null) {
            throw new IllegalStateException("The model reported no " + stage + " stage");
        }
        return recorded;
    }
}
