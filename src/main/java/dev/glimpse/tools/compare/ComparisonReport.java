package dev.glimpse.tools.compare;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the comparison: {@code comparison.md} (the table that is also printed), {@code captions.csv} (one row per
 * model and image: caption, milliseconds, references joined by {@code |}) and {@code comparison.json} (every
 * figure and caption).
 */
final class ComparisonReport {

    static final String MARKDOWN = "comparison.md";
    static final String CSV = "captions.csv";
    static final String JSON = "comparison.json";

    private final List<ModelResult> results;
    private final int imageCount;

    ComparisonReport(List<ModelResult> results, int imageCount) {
        this.results = List.copyOf(results);
        this.imageCount = imageCount;
    }

    String markdown() {
        int batch = results.isEmpty() ? 0 : results.get(0).batch();
        StringBuilder out =
                new StringBuilder("| Model | Load (s) | Size (MB) | Peak heap (MB) | Peak RSS (MB) | Median (ms)"
                        + " | p90 (ms) | Images/min (batch " + batch + ") | BLEU-4 | ROUGE-L | WER (%) |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ModelResult r : results) {
            ModelResult.Scores s = r.scores();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.1f | %.0f | %s | %.0f | %.0f | %.1f | %s | %s | %s |%n",
                    r.id(),
                    r.loadSeconds(),
                    r.sizeBytes() / 1e6,
                    r.peakHeapBytes() / 1e6,
                    r.peakRssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.peakRssBytes() / 1e6),
                    r.medianMillis(),
                    r.p90Millis(),
                    r.imagesPerMinute(),
                    s == null ? "–" : String.format(Locale.ROOT, "%.2f", s.bleu4()),
                    s == null ? "–" : String.format(Locale.ROOT, "%.2f", s.rougeL()),
                    s == null ? "–" : String.format(Locale.ROOT, "%.2f", s.wer())));
        }
        int scored = results.isEmpty() || results.get(0).scores() == null
                ? 0
                : results.get(0).scores().images();
        out.append('\n')
                .append(imageCount)
                .append(" images, ")
                .append(scored)
                .append(" with references. Times after warm-up, one image per call (median, nearest-rank p90);"
                        + " images/min with all images queued at once through the micro-batching executor."
                        + " Peak heap: JVM heap in use; peak RSS: whole process resident set (JVM + native"
                        + " tensors), sampled every 10 ms. BLEU-4: corpus, lowercase, 13a tokens, no smoothing"
                        + " (sacrebleu's definition); ROUGE-L: mean best F over references; WER: against the"
                        + " closest reference.\n");
        return out.toString();
    }

    String csv() {
        StringBuilder out = new StringBuilder("model,image,caption,millis,references\n");
        for (ModelResult r : results) {
            for (ModelResult.ImageCaption image : r.images()) {
                out.append(quote(r.id()))
                        .append(',')
                        .append(quote(image.file()))
                        .append(',')
                        .append(quote(image.caption()))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.1f", image.millis()))
                        .append(',')
                        .append(quote(String.join(" | ", image.references())))
                        .append('\n');
            }
        }
        return out.toString();
    }

    String json() {
        return new GsonBuilder()
                .setPrettyPrinting()
                .serializeSpecialFloatingPointValues()
                .create()
                .toJson(results);
    }

    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MARKDOWN), markdown());
            Files.writeString(folder.resolve(CSV), csv());
            Files.writeString(folder.resolve(JSON), json());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the comparison to " + folder, e);
        }
    }

    static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
