package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.generation.GreedySearch;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the stages of one BLIP caption apart, for benchmarks: image pre-processing, vision encoder, cross-attention
 * keys/values over the image, each cached decoding step split into the decoder layers and the language-model head
 * (logits of the last position, copied out and arg-maxed), and post-processing (token ids to text). It decodes
 * exactly {@code tokens} greedy tokens (an end token does not stop it, so random weights decode as many as asked)
 * and counts the native arrays each step creates (each one native operation called through JNI).
 */
public final class BlipStageTimer {

    /**
     * Milliseconds per stage for one image; {@code stepMillis} and {@code headMillis} are medians over the steps
     * after the first (per token); {@code arraysPerStep} native arrays created by one such step.
     */
    public record Times(
            double preprocessMillis,
            double visionMillis,
            double crossKvMillis,
            double stepMillis,
            double headMillis,
            double postprocessMillis,
            int arraysPerStep) {}

    /**
     * What bounds each stage: the shapes [out, in] of the matrices a cached step multiplies a single row by
     * (decoder layers' weights and the cached cross-attention keys and values, then the LM head), and the floating-point operations of the vision encoder and of the cross-attention keys/values
     * with the row count and width of their dominant matrix products.
     */
    public record Work(
            List<long[]> stepWeights,
            List<long[]> headWeights,
            double visionFlops,
            double crossKvFlops,
            int imageTokens,
            int visionWidth) {}

    private BlipStageTimer() {}

    /** The work of one caption of the captioner's architecture. */
    public static Work work(BlipCaptioner captioner) {
        BlipConfig.Vision vision = captioner.config().vision();
        BlipConfig.Text text = captioner.config().text();
        long d = text.hiddenSize();
        long e = text.encoderHiddenSize();
        List<long[]> step = new ArrayList<>();
        for (int layer = 0; layer < text.layers(); layer++) {
            for (int i = 0; i < 4; i++) {
                step.add(new long[] {d, d}); // self-attention query, key, value, output
            }
            step.add(new long[] {d, d}); // cross-attention query
            step.add(new long[] {d, d}); // cross-attention output
            step.add(new long[] {text.intermediateSize(), d});
            step.add(new long[] {d, text.intermediateSize()});
            // the cached cross-attention keys and values over the image, read in full by every step
            step.add(new long[] {vision.sequenceLength(), d});
            step.add(new long[] {vision.sequenceLength(), d});
        }
        List<long[]> head = List.of(new long[] {d, d}, new long[] {text.vocabSize(), d});
        long t = vision.sequenceLength();
        long w = vision.hiddenSize();
        double perLayer = 2.0 * t * w * w * 4 // query, key, value, output projections
                + 2.0 * 2 * t * t * w // scores and weighted values
                + 2.0 * 2 * t * w * vision.intermediateSize();
        long patches = (long) vision.patchesPerSide() * vision.patchesPerSide();
        double patchEmbedding = 2.0 * patches * 3 * vision.patchSize() * vision.patchSize() * w;
        double visionFlops = perLayer * vision.layers() + patchEmbedding;
        double crossKvFlops = 2.0 * 2 * t * e * d * text.layers();
        return new Work(step, head, visionFlops, crossKvFlops, (int) t, (int) w);
    }

    public static Times time(BlipCaptioner captioner, BufferedImage image, int tokens) {
        if (tokens < 2) {
            throw new IllegalArgumentException("tokens must be at least 2, not " + tokens);
        }
        BlipTextDecoder decoder = captioner.decoder();
        int size = captioner.config().vision().imageSize();
        long start = System.nanoTime();
        float[] pixels = captioner.processor().process(image);
        long processed = System.nanoTime();
        try (NDManager request = captioner.manager().newSubManager()) {
            NDArray embeds = captioner.vision().forward(request.create(pixels, new Shape(1, 3, size, size)));
            embeds.toFloatArray(); // waits for the result on asynchronous devices
            long encoded = System.nanoTime();
            KvCache cache = new KvCache(decoder.layerCount());
            decoder.prefillCross(embeds, cache);
            long crossed = System.nanoTime();
            int[] ids = new int[tokens + 1];
            ids[0] = captioner.config().text().bosTokenId();
            double[] steps = new double[tokens - 1];
            double[] heads = new double[tokens - 1];
            int[] arrays = new int[1];
            captioner.options().ml().decoding(() -> {
                for (int i = 0; i < tokens; i++) {
                    try (NDManager step = request.newSubManager()) {
                        cache.attach(step);
                        NDArray input = step.create(new long[] {ids[i]}, new Shape(1, 1));
                        long stepStart = System.nanoTime();
                        NDArray hidden = decoder.hidden(input, i, embeds, cache);
                        long layersDone = System.nanoTime();
                        float[] logits = decoder.head(hidden.get(new NDIndex(":, -1, :")))
                                .toFloatArray();
                        ids[i + 1] = GreedySearch.argmax(logits);
                        long headDone = System.nanoTime();
                        if (i > 0) {
                            steps[i - 1] = (layersDone - stepStart) / 1e6;
                            heads[i - 1] = (headDone - layersDone) / 1e6;
                            arrays[0] = step.getManagedArrays().size();
                        }
                        cache.attach(request);
                    }
                }
                return ids;
            });
            long decoded = System.nanoTime();
            captioner.tokenizer().decode(ids);
            long done = System.nanoTime();
            return new Times(
                    (processed - start) / 1e6,
                    (encoded - processed) / 1e6,
                    (crossed - encoded) / 1e6,
                    median(steps),
                    median(heads),
                    (done - decoded) / 1e6,
                    arrays[0]);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
