package dev.glimpse.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows a benchmark measured, printed as a Markdown table; a row may compare itself with an earlier one. */
final class BenchmarkReport {

    /**
     * One figure: what was measured, its value and unit, the bound the hardware allows for it measured in the same
     * run and the ratio of the two (the median of ratios of measurements taken side by side, which the median
     * value over the median bound need not equal; both NaN when no bound applies), and a comparison (empty when
     * none).
     */
    record Row(String measurement, double value, String unit, double bound, double ratio, String comparison) {

        Row(String measurement, double value, String unit, String comparison) {
            this(measurement, value, unit, Double.NaN, Double.NaN, comparison);
        }
    }

    private final String title;
    private final List<String> notes = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    BenchmarkReport(String title) {
        this.title = title;
    }

    void note(String note) {
        notes.add(note);
    }

    Row add(String measurement, double value, String unit) {
        return add(new Row(measurement, value, unit, ""));
    }

    /** Adds a row with a free-text comparison. */
    Row add(String measurement, double value, String unit, String comparison) {
        return add(new Row(measurement, value, unit, comparison));
    }

    /** Adds a row whose comparison gives {@code value / baseline.value()} as "×r vs baseline". */
    Row addCompared(String measurement, double value, String unit, Row baseline) {
        String ratio = String.format(Locale.ROOT, "×%.2f vs %s", value / baseline.value(), baseline.measurement());
        return add(new Row(measurement, value, unit, ratio));
    }

    /** Adds a row measured against {@code bound} (same unit); {@code how} says what the bound is. */
    Row addBounded(String measurement, double value, String unit, double bound, String how) {
        return add(new Row(measurement, value, unit, bound, value / bound, how));
    }

    /** Adds a row from measurements taken side by side with their bounds; {@code how} says what the bound is. */
    Row addBounded(String measurement, Samples samples, String unit, String how) {
        return add(new Row(measurement, samples.value(), unit, samples.bound(), samples.ratio(), how));
    }

    private Row add(Row row) {
        Progress.say("  " + row.measurement() + ": " + format(row.value()) + " " + row.unit()
                + (Double.isNaN(row.bound()) ? "" : " bound " + format(row.bound()) + " ×" + ratio(row)) + " "
                + row.comparison());
        rows.add(row);
        return row;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        out.append("\n| Measurement | Value | Unit | Bound | × bound | Compared |\n|---|---:|---|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ")
                    .append(row.measurement())
                    .append(" | ")
                    .append(format(row.value()))
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(Double.isNaN(row.bound()) ? "" : format(row.bound()))
                    .append(" | ")
                    .append(Double.isNaN(row.bound()) ? "" : "×" + ratio(row))
                    .append(" | ")
                    .append(row.comparison())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String ratio(Row row) {
        return String.format(Locale.ROOT, "%.2f", row.ratio());
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
