package dev.glimpse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows a benchmark measured, printed as a Markdown table; a row may compare itself with an earlier one. */
final class BenchmarkReport {

    /** One figure: what was measured, its value and unit, and a comparison (empty when none). */
    record Row(String measurement, double value, String unit, String comparison) {}

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

    /** Adds a row whose comparison gives {@code value / baseline.value()} as "×r vs baseline". */
    Row addCompared(String measurement, double value, String unit, Row baseline) {
        String ratio = String.format(Locale.ROOT, "×%.2f vs %s", value / baseline.value(), baseline.measurement());
        return add(new Row(measurement, value, unit, ratio));
    }

    private Row add(Row row) {
        Progress.say("  " + row.measurement() + ": " + format(row.value()) + " " + row.unit() + " " + row.comparison());
        rows.add(row);
        return row;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        out.append("\n| Measurement | Value | Unit | Compared |\n|---|---:|---|---|\n");
        for (Row row : rows) {
            out.append("| ")
                    .append(row.measurement())
                    .append(" | ")
                    .append(format(row.value()))
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(row.comparison())
                    .append(" |\n");
        }
        return out.toString();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
