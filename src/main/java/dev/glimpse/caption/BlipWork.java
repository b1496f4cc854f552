package dev.glimpse.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * What bounds each stage of one caption of a BLIP architecture, for benchmarks that compare a stage with its
 * hardware bound: the shapes [out, in] of the matrices a cached decoding step multiplies a single row by (the decoder
 * layers' weights and the cached cross-attention keys and values, then the language-model head), and the
 * floating-point operations of the vision encoder and of the cross-attention keys/values with the row count and width
 * of their dominant matrix products.
 */
public record BlipWork(
        List<long[]> stepWeights,
        List<long[]> headWeights,
        double visionFlops,
        double crossKvFlops,
        int imageTokens,
        int visionWidth) {

    /** The work of one caption of the captioner's architecture. */
    public static BlipWork of(BlipCaptioner captioner) {
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
        return new BlipWork(step, head, visionFlops, crossKvFlops, (int) t, (int) w);
    }
}
