package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.StageTimings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding without a cache: every step runs the whole prefix of every row through the decoder
 * again. Slower by design; it is the reference the cached session is checked against and the
 * baseline the benchmark measures.
 */
final class UncachedDecoderSession extends ImageConditionedSession {

    private List<long[]> prefixes = new ArrayList<>();

    UncachedDecoderSession(BlipTextDecoder decoder, NDArray imageEmbeds, StageTimings timings) {
        super(decoder, imageEmbeds, timings);
        for (long row = 0; row < imageEmbeds.getShape().get(0); row++) {
            prefixes.add(new long[0]);
        }
    }

    @Override
    public float[][] next(int[] tokens) {
        if (tokens.length != prefixes.size()) {
            throw new IllegalArgumentException("Expected " + prefixes.size() + " tokens, got " + tokens.length);
        }
        int length = prefixes.getFirst().length + 1;
        long[] ids = new long[tokens.length * length];
        for (int row = 0; row < tokens.length; row++) {
            long[] prefix = Arrays.copyOf(prefixes.get(row), length);
            prefix[length - 1] = tokens[row];
            prefixes.set(row, prefix);
            System.arraycopy(prefix, 0, ids, row * length, length);
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray input = step.create(ids, new Shape(tokens.length, length));
            imageEmbeds.tempAttach(step);
            return lastLogits(input, 0, null);
        }
    }

    @Override
    protected void keepRows(int[] rows, NDArray indices) {
        List<long[]> kept = new ArrayList<>();
        for (int row : rows) {
            kept.add(prefixes.get(row));
        }
        prefixes = kept;
    }
}
