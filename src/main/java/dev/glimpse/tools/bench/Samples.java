package dev.glimpse.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Measurements of one stage, each taken right next to a measurement of its bound, so that both saw the same load
 * on the machine; the ratio reported is the median of the pairs' ratios.
 */
final class Samples {

    private final List<Double> values = new ArrayList<>();
    private final List<Double> bounds = new ArrayList<>();

    void add(double value, double bound) {
        values.add(value);
        bounds.add(bound);
    }

    double value() {
        return median(values);
    }

    double bound() {
        return median(bounds);
    }

    double ratio() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / bounds.get(i));
        }
        return median(ratios);
    }

    private static double median(List<Double> list) {
        return Timings.median(list.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
