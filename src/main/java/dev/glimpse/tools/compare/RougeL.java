package dev.glimpse.tools.compare;

import java.util.List;

/**
 * ROUGE-L as the {@code rouge_score} package computes it (no stemming): on {@link Tokenization#words} tokens,
 * LCS = longest common subsequence, P = LCS/|hypothesis|, R = LCS/|reference|, F = 2PR/(P+R) (0 when LCS is 0).
 * With several references a caption takes its best F; the corpus score is the mean over captions, × 100.
 */
final class RougeL {

    private RougeL() {}

    static double corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            sum += best(hypotheses.get(i), references.get(i));
        }
        return 100 * sum / hypotheses.size();
    }

    /** The best F-measure of {@code hypothesis} against any of {@code references}, in [0, 1]. */
    static double best(String hypothesis, List<String> references) {
        List<String> h = Tokenization.words(hypothesis);
        double best = 0;
        for (String reference : references) {
            best = Math.max(best, fMeasure(h, Tokenization.words(reference)));
        }
        return best;
    }

    static double fMeasure(List<String> hypothesis, List<String> reference) {
        int lcs = lcs(hypothesis, reference);
        if (lcs == 0) {
            return 0;
        }
        double precision = (double) lcs / hypothesis.size();
        double recall = (double) lcs / reference.size();
        return 2 * precision * recall / (precision + recall);
    }

    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
