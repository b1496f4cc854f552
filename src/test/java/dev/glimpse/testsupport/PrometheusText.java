package dev.glimpse.testsupport;

import java.util.Arrays;

/** Reads values out of a Prometheus text exposition ({@code /actuator/prometheus}). */
public record PrometheusText(String text) {

    /**
     * The sum of every sample of {@code name} whose labels include all of {@code labels} ({@code key=value} pairs);
     * NaN when there is no such sample.
     */
    public double value(String name, String... labels) {
        double sum = Double.NaN;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            if (!metric.equals(name)) {
                continue;
            }
            String labelText = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            boolean all = Arrays.stream(labels).allMatch(label -> {
                String[] pair = label.split("=", 2);
                return labelText.contains(pair[0] + "=\"" + pair[1] + "\"");
            });
            if (all) {
                double value = Double.parseDouble(line.substring(space + 1));
                sum = Double.isNaN(sum) ? value : sum + value;
            }
        }
        return sum;
    }

    public boolean has(String name) {
        return !Double.isNaN(value(name));
    }
}
