package dev.glimpse.ml.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Beam search as transformers' {@code generate(num_beams=n)} with {@code BeamSearchScorer}
 * ({@code early_stopping=False}): each input keeps {@code beams} running sequences; per step the best
 * {@code 2 * beams} continuations by summed log-probability are examined in order, those ending with
 * the end token (within the first {@code beams}) become finished hypotheses, the others fill the
 * beams. An input is done when no running beam can beat its worst kept hypothesis.
 */
public final class BeamSearch {

    private final int beams;
    private final int startToken;
    private final int endToken;
    private final int maxNewTokens;
    private final double lengthPenalty;

    public BeamSearch(int beams, int startToken, int endToken, int maxNewTokens, double lengthPenalty) {
        if (beams < 1) {
            throw new IllegalArgumentException("beams must be at least 1, got " + beams);
        }
        this.beams = beams;
        this.startToken = startToken;
        this.endToken = endToken;
        this.maxNewTokens = maxNewTokens;
        this.lengthPenalty = lengthPenalty;
    }

    /** Per input row of the session: the best sequence (start token, generated tokens, end token if generated). */
    public List<int[]> generate(DecoderSession session, int inputs) {
        List<Input> running = new ArrayList<>();
        List<BeamHypotheses> finished = new ArrayList<>();
        int[] expand = new int[inputs * beams];
        for (int input = 0; input < inputs; input++) {
            finished.add(new BeamHypotheses(beams, lengthPenalty));
            running.add(Input.start(input, beams, startToken));
            Arrays.fill(expand, input * beams, (input + 1) * beams, input);
        }
        session.keepRows(expand);
        int[] feed = new int[inputs * beams];
        Arrays.fill(feed, startToken);
        for (int step = 1; step <= maxNewTokens && !running.isEmpty(); step++) {
            float[][] logits = session.next(feed);
            List<Input> next = new ArrayList<>();
            List<Integer> sourceRows = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                Input input = running.get(i);
                Input advanced = advance(input, logits, i * beams, finished.get(input.index), step);
                if (advanced != null && step < maxNewTokens) {
                    for (int beam = 0; beam < beams; beam++) {
                        sourceRows.add(i * beams + advanced.sourceBeams[beam]);
                    }
                    next.add(advanced);
                } else if (advanced != null) {
                    advanced.finalizeInto(finished.get(input.index), 1);
                }
            }
            running = next;
            if (!running.isEmpty()) {
                session.keepRows(sourceRows.stream().mapToInt(Integer::intValue).toArray());
                feed = running.stream()
                        .flatMap(input -> Arrays.stream(input.sequences))
                        .mapToInt(sequence -> sequence[sequence.length - 1])
                        .toArray();
            }
        }
        return finished.stream().map(this::withEnd).toList();
    }

    /** One step of {@code BeamSearchScorer.process} for one input; null when the input is done. */
    private Input advance(Input input, float[][] logits, int firstRow, BeamHypotheses finished, int generated) {
        int vocab = logits[firstRow].length;
        float[] scores = new float[beams * vocab];
        for (int beam = 0; beam < beams; beam++) {
            float[] logProbs = logSoftmax(logits[firstRow + beam]);
            for (int token = 0; token < vocab; token++) {
                scores[beam * vocab + token] = logProbs[token] + input.scores[beam];
            }
        }
        int[] candidates = topIndices(scores, 2 * beams);
        Input advanced = new Input(input.index, beams);
        int filled = 0;
        for (int rank = 0; rank < candidates.length && filled < beams; rank++) {
            int beam = candidates[rank] / vocab;
            int token = candidates[rank] % vocab;
            float score = scores[candidates[rank]];
            if (token == endToken) {
                if (rank < beams) {
                    finished.add(input.sequences[beam], score, generated);
                }
            } else {
                advanced.sourceBeams[filled] = beam;
                advanced.sequences[filled] = append(input.sequences[beam], token);
                advanced.scores[filled] = score;
                filled++;
            }
        }
        boolean done = finished.isDone(scores[candidates[0]], generated);
        return done ? null : advanced;
    }

    private int[] withEnd(BeamHypotheses hypotheses) {
        int[] tokens = hypotheses.best().tokens();
        return tokens.length < 1 + maxNewTokens ? append(tokens, endToken) : tokens;
    }

    private static int[] append(int[] tokens, int token) {
        int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }

    public static float[] logSoftmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (float value : logits) {
            sum += Math.exp(value - max);
        }
        float logSum = (float) Math.log(sum);
        float[] result = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            result[i] = logits[i] - max - logSum;
        }
        return result;
    }

    /** Indices of the {@code k} largest values, largest first (lower index first on ties). */
    public static int[] topIndices(float[] values, int k) {
        int[] top = new int[Math.min(k, values.length)];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (size < top.length || values[i] > values[top[size - 1]]) {
                int position = size < top.length ? size++ : size - 1;
                while (position > 0 && values[i] > values[top[position - 1]]) {
                    top[position] = top[position - 1];
                    position--;
                }
                top[position] = i;
            }
        }
        return top;
    }

    /** The running beams of one input. */
    private static final class Input {
        final int index;
        final int[][] sequences;
        final float[] scores;
        final int[] sourceBeams;

        Input(int index, int beams) {
            this.index = index;
            this.sequences = new int[beams][];
            this.scores = new float[beams];
            this.sourceBeams = new int[beams];
        }

        /** All beams start from the start token; only the first counts at the first step. */
        static Input start(int index, int beams, int startToken) {
            Input input = new Input(index, beams);
            for (int beam = 0; beam < beams; beam++) {
                input.sequences[beam] = new int[] {startToken};
                input.scores[beam] = beam == 0 ? 0f : -1e9f;
                input.sourceBeams[beam] = beam;
            }
            return input;
        }

        /** transformers' {@code finalize}: running beams become hypotheses at the token limit. */
        void finalizeInto(BeamHypotheses finished, int promptLength) {
            for (int beam = 0; beam < sequences.length; beam++) {
                finished.add(sequences[beam], scores[beam], sequences[beam].length - promptLength);
            }
        }
    }
}
