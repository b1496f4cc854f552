package dev.glimpse.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009, with a weight per ranking as Elastic
 * and Weaviate offer it): a document's fused score is the sum, over the rankings that contain it, of
 * {@code weight / (rankConstant + rank)} with ranks counted from 1. The customary constant 60 keeps one first place
 * from outweighing agreement between rankings. Only ranks matter, so BM25 scores and cosine similarities need no
 * common scale. Ties go to the document with the better single rank, then the lower document number, so the order
 * is deterministic.
 */
final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {}

    /** A document with its fused score. */
    record Fused(int doc, double score) {}

    /** Document numbers, best first, and how much this ranking counts. */
    record Ranking(List<Integer> docs, double weight) {

        /** A ranking that counts fully. */
        static Ranking of(List<Integer> docs) {
            return new Ranking(docs, 1.0);
        }
    }

    /** Documents of all rankings, best fused score first. */
    static List<Fused> fuse(int rankConstant, List<Ranking> rankings) {
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Integer> bestRanks = new HashMap<>();
        for (Ranking ranking : rankings) {
            for (int i = 0; i < ranking.docs().size(); i++) {
                int doc = ranking.docs().get(i);
                int rank = i + 1;
                scores.merge(doc, ranking.weight() / (rankConstant + rank), Double::sum);
                bestRanks.merge(doc, rank, Math::min);
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new Fused(doc, score)));
        fused.sort(Comparator.comparingDouble(Fused::score)
                .reversed()
                .thenComparing(f -> bestRanks.get(f.doc()))
                .thenComparingInt(Fused::doc));
        return fused;
    }
}
