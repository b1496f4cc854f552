package dev.glimpse.tools.compare;

import java.util.List;

/**
 * Word error rate against the closest reference: on {@link Tokenization#words} tokens, each caption is compared
 * with the reference it has the lowest WER against (word-level Levenshtein distance — substitutions, deletions,
 * insertions — divided by the reference's length); the corpus WER is the sum of those distances over the sum of
 * those references' lengths, × 100 (as jiwer aggregates a corpus). It can exceed 100.
 */
final class WordErrorRate {

    private WordErrorRate() {}

    static double corpus(List<String> hypotheses, List<List<String>> references) {
        long edits = 0;
        long words = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> h = Tokenization.words(hypotheses.get(i));
            int bestEdits = -1;
            int bestLength = 0;
            for (String reference : references.get(i)) {
                List<String> r = Tokenization.words(reference);
                int distance = distance(h, r);
                if (bestEdits < 0
                        || (long) distance * Math.max(bestLength, 1) < (long) bestEdits * Math.max(r.size(), 1)) {
                    bestEdits = distance;
                    bestLength = r.size();
                }
            }
            edits += Math.max(bestEdits, 0);
            words += bestLength;
        }
        return words == 0 ? 0 : 100.0 * edits / words;
    }

    static int distance(List<String> hypothesis, List<String> reference) {
        int[] previous = new int[reference.size() + 1];
        int[] current = new int[reference.size() + 1];
        for (int j = 0; j <= reference.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= hypothesis.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= reference.size(); j++) {
                int substitution = previous[j - 1] + (hypothesis.get(i - 1).equals(reference.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[reference.size()];
    }
}
