package dev.glimpse.ml.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished hypotheses of one input in beam search, as transformers' {@code BeamHypotheses}: at
 * most {@code beams} sequences, each scored by its summed log-probability divided by its generated
 * length to the power of the length penalty.
 */
final class BeamHypotheses {

    record Hypothesis(int[] tokens, double score) {}

    private final int beams;
    private final double lengthPenalty;
    private final List<Hypothesis> hypotheses = new ArrayList<>();
    private double worstScore = 1e9;

    BeamHypotheses(int beams, double lengthPenalty) {
        this.beams = beams;
        this.lengthPenalty = lengthPenalty;
    }

    void add(int[] tokens, double sumLogProbs, int generatedLength) {
        double score = sumLogProbs / Math.pow(generatedLength, lengthPenalty);
        if (hypotheses.size() < beams || score > worstScore) {
            hypotheses.add(new Hypothesis(tokens, score));
            if (hypotheses.size() > beams) {
                hypotheses.remove(worst());
                worstScore = worst().score();
            } else {
                worstScore = Math.min(score, worstScore);
            }
        }
    }

    /** transformers' {@code is_done} with {@code early_stopping=False}. */
    boolean isDone(double bestSumLogProbs, int generatedLength) {
        if (hypotheses.size() < beams) {
            return false;
        }
        return worstScore >= bestSumLogProbs / Math.pow(generatedLength, lengthPenalty);
    }

    Hypothesis best() {
        return hypotheses.stream()
                .max(Comparator.comparingDouble(Hypothesis::score))
                .orElseThrow();
    }

    private Hypothesis worst() {
        return hypotheses.stream()
                .min(Comparator.comparingDouble(Hypothesis::score))
                .orElseThrow();
    }
}
