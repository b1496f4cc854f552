package dev.glimpse.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * What bounds each stage of one transcription of a Whisper architecture, for benchmarks that compare a stage with its
 * hardware bound: the shapes [out, in] of the matrices a cached decoding step multiplies one row by (the decoder
 * layers' weights and the cached cross-attention keys and values, then the output projection), and the encoder's
 * floating-point operations with its positions and width.
 */
public record WhisperWork(
        List<long[]> stepWeights, List<long[]> headWeights, double encoderFlops, int positions, int width) {

    /** The work of one transcription of the transcriber's architecture. */
    public static WhisperWork of(WhisperTranscriber transcriber) {
        WhisperModel model = transcriber.model();
        WhisperConfig config = model.config();
        long d = config.dModel();
        List<long[]> step = new ArrayList<>();
        long decoderFfn = model.decoder().feedForwardSize();
        for (int layer = 0; layer < config.decoderLayers(); layer++) {
            for (int i = 0; i < 6; i++) {
                step.add(new long[] {d, d}); // self q, k, v, out; cross q, out
            }
            step.add(new long[] {decoderFfn, d});
            step.add(new long[] {d, decoderFfn});
            // the cached cross-attention keys and values over the audio, read in full by every step
            step.add(new long[] {config.maxSourcePositions(), d});
            step.add(new long[] {config.maxSourcePositions(), d});
        }
        List<long[]> head = List.of(new long[] {config.vocabSize(), d});
        long t = config.maxSourcePositions();
        long ffn = model.encoder().feedForwardSize();
        double perLayer = 2.0 * t * d * d * 4 + 2.0 * 2 * t * t * d + 2.0 * 2 * t * d * ffn;
        double stem = 2.0 * config.inputFrames() * config.melBins() * 3 * d + 2.0 * t * d * 3 * d;
        return new WhisperWork(step, head, perLayer * config.encoderLayers() + stem, (int) t, (int) d);
    }
}
