package dev.glimpse.tools.evaluate;

import dev.glimpse.search.Retrieval;
import dev.glimpse.search.SearchProperties;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link SearchEvaluation.Result}: the table of recall@1, recall@5 and MRR for the embedding alone, BM25
 * alone and the hybrid search, the same per kind of query (when the set names kinds), how often the threshold hid
 * the intended image, every hybrid miss (query, what
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
        if (result.byKind().size() > 1 || !result.byKind().containsKey("")) {
            printKinds(result, out);
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

    /** One row per kind of query: recall@1 / recall@5 / MRR of the embedding alone and of the hybrid search. */
    private static void printKinds(SearchEvaluation.Result result, PrintStream out) {
        out.println("| kind       | queries | embedding r@1 / r@5 / MRR | hybrid r@1 / r@5 / MRR |");
        out.println("|------------|---------|---------------------------|------------------------|");
        result.byKind().forEach((kind, metrics) -> {
            long queries = result.set().queries().stream()
                    .filter(query -> query.kind().equals(kind))
                    .count();
            out.printf(
                    Locale.ROOT,
                    "| %-10s | %7d | %s | %s |%n",
                    kind.isEmpty() ? "(none)" : kind,
                    queries,
                    triple(metrics.get(Retrieval.VECTOR)),
                    triple(metrics.get(Retrieval.HYBRID)));
        });
    }

    private static String triple(SearchEvaluation.Metrics metrics) {
        return String.format(
                Locale.ROOT, "%.3f / %.3f / %.3f", metrics.recallAt1(), metrics.recallAt5(), metrics.mrr());
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
