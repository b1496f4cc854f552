package dev.glimpse.testsupport;

import dev.glimpse.ml.StageTimings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps every stage a model reported, in order, with its duration, and the last value of every figure. */
public final class StageRecorder implements StageTimings {

    /** One run of a stage. */
    public record Run(String stage, long nanos) {}

    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Long> figures = new HashMap<>();

    @Override
    public synchronized void record(String stage, long nanos) {
        runs.add(new Run(stage, nanos));
    }

    @Override
    public synchronized void count(String figure, long value) {
        figures.put(figure, value);
    }

    public synchronized List<Run> runs() {
        return List.copyOf(runs);
    }

    /** The stages in the order they ran, each run once. */
    public synchronized List<String> stages() {
        return runs.stream().map(Run::stage).toList();
    }

    public synchronized Map<String, Long> figures() {
        return Map.copyOf(figures);
    }
}
