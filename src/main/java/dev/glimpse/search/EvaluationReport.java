package dev.glimpse.search;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link SearchEvaluation.Result}: the table of recall@1, recall@5 and MRR for the embedding alone, BM25
 * alone and the hybrid search, how often the minimum similarity hid the intended image, every hybrid miss (query, what
 * came first, rank of the intended caption) and, as the last line, {@code hybrid recall@1=… recall@5=… mrr=…}.
 */
final class EvaluationReport {

    private static final Map<Retrieval, String> NAMES =
            Map.of(Retrieval.VECTOR, "embedding", Retrieval.TEXT, "bm25", Retrieval.HYBRID, "hybrid");

    private EvaluationReport() {}

    static void print(SearchEvaluation.Result result, String model, PrintStream out) {
        SearchProperties settings = result.settings();
        out.printf(
                Locale.ROOT,
                "%s: %d captions, %d queries; model %s, word-weight %.2f, min-similarity %.2f%n",
                result.set().name(),
                result.set().captions().size(),
                result.set().queries().size(),
                model,
                settings.wordWeight(),
                settings.minSimilarity());
        out.println("| retrieval | recall@1 | recall@5 | MRR   |");
        out.println("|-----------|----------|----------|-------|");
        for (Retrieval retrieval : new Retrieval[] {Retrieval.VECTOR, Retrieval.TEXT, Retrieval.HYBRID}) {
            SearchEvaluation.Metrics metrics = result.metrics().get(retrieval);
            out.printf(
                    Locale.ROOT,
                    "| %-9s | %.3f    | %.3f    | %.3f |%n",
                    NAMES.get(retrieval),
                    metrics.recallAt1(),
                    metrics.recallAt5(),
                    metrics.mrr());
        }
        out.printf(
                Locale.ROOT,
                "min-similarity %.2f hid the intended image of %d of %d queries%n",
                settings.minSimilarity(),
                result.hidden(),
                result.set().queries().size());
        out.printf("hybrid misses: %d%n", result.misses().size());
        for (SearchEvaluation.Miss miss : result.misses()) {
            out.printf(
                    "  \"%s\" -> %s; intended \"%s\" %s%n",
                    miss.query(),
                    miss.first() == null ? "nothing" : "\"" + miss.first() + "\"",
                    miss.intended(),
                    miss.rank() == 0 ? "not found" : "at rank " + miss.rank());
        }
        out.println(lastLine(result.metrics().get(Retrieval.HYBRID)));
    }

    static String lastLine(SearchEvaluation.Metrics hybrid) {
        return String.format(
                Locale.ROOT,
                "hybrid recall@1=%.3f recall@5=%.3f mrr=%.3f",
                hybrid.recallAt1(),
                hybrid.recallAt5(),
                hybrid.mrr());
    }
}
