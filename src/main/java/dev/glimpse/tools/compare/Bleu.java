package dev.glimpse.tools.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU-4 as sacrebleu computes it with {@code lowercase=True, tokenize='13a', smooth_method='none'}:
 * for n = 1..4 the clipped n-gram matches (each hypothesis n-gram counts at most as often as in the reference
 * where it is most frequent) and the hypothesis n-grams are summed over the corpus; p_n is their ratio. The
 * reference length of each sentence is that of the reference closest in length to the hypothesis (the shorter on
 * a tie). BLEU = 100 · BP · exp(¼ Σ log p_n), with BP = 1 when the hypotheses are longer in total than the chosen
 * references (c &gt; r), else exp(1 − r/c); no smoothing, so a corpus without any matching 4-gram scores 0.
 */
final class Bleu {

    static final int MAX_ORDER = 4;

    /** The score and its parts. */
    record Score(
            double bleu, double[] precisions, double brevityPenalty, long hypothesisLength, long referenceLength) {}

    private Bleu() {}

    /** {@code references.get(i)} holds the reference captions of {@code hypotheses.get(i)}. */
    static Score corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(
                    hypotheses.size() + " hypotheses but " + references.size() + " reference lists");
        }
        long[] matches = new long[MAX_ORDER];
        long[] totals = new long[MAX_ORDER];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hypothesis = Tokenization.bleu13a(hypotheses.get(i));
            List<List<String>> refs =
                    references.get(i).stream().map(Tokenization::bleu13a).toList();
            hypothesisLength += hypothesis.size();
            referenceLength += closestLength(hypothesis.size(), refs);
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Integer> maxReferenceCounts = new HashMap<>();
                for (List<String> ref : refs) {
                    ngrams(ref, n).forEach((gram, count) -> maxReferenceCounts.merge(gram, count, Math::max));
                }
                for (Map.Entry<List<String>, Integer> entry :
                        ngrams(hypothesis, n).entrySet()) {
                    matches[n - 1] += Math.min(entry.getValue(), maxReferenceCounts.getOrDefault(entry.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, hypothesis.size() - n + 1);
            }
        }
        return score(matches, totals, hypothesisLength, referenceLength);
    }

    private static Score score(long[] matches, long[] totals, long hypothesisLength, long referenceLength) {
        double[] precisions = new double[MAX_ORDER];
        double logSum = 0;
        boolean zero = false;
        for (int n = 0; n < MAX_ORDER; n++) {
            precisions[n] = totals[n] == 0 ? 0 : 100.0 * matches[n] / totals[n];
            if (matches[n] == 0) {
                zero = true;
            } else {
                logSum += Math.log((double) matches[n] / totals[n]);
            }
        }
        double brevityPenalty = hypothesisLength == 0
                ? 0
                : hypothesisLength < referenceLength ? Math.exp(1 - (double) referenceLength / hypothesisLength) : 1;
        double bleu = zero ? 0 : 100 * brevityPenalty * Math.exp(logSum / MAX_ORDER);
        return new Score(bleu, precisions, brevityPenalty, hypothesisLength, referenceLength);
    }

    static int closestLength(int hypothesisLength, List<List<String>> references) {
        int best = -1;
        for (List<String> ref : references) {
            int length = ref.size();
            int distance = Math.abs(length - hypothesisLength);
            int bestDistance = Math.abs(best - hypothesisLength);
            if (best < 0 || distance < bestDistance || (distance == bestDistance && length < best)) {
                best = length;
            }
        }
        return Math.max(best, 0);
    }

    static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
