package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.glimpse.ml.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the two stages of a transcription apart, for benchmarks: the encoder over one clip's log-mel features,
 * and a decode of exactly {@code tokens} greedy tokens after the prompt with the key/value cache (the end-of-text
 * token does not stop it, so random-weight models decode as many tokens as asked). Feature extraction is in
 * neither figure.
 */
public final class WhisperStageTimer {

    /** Milliseconds of the encoder pass and of the whole decode (prompt pass included), and tokens decoded. */
    public record Times(double encoderMillis, double decodeMillis, int tokens) {}

    /**
     * Milliseconds of every stage of one voice query: audio decoding (container bytes to 16 kHz samples), log-mel
     * features, encoder, the prompt pass (cross-attention keys/values included), and per generated token (medians
     * over the steps after the prompt) the decoder layers and the output projection (logits copied out and
     * arg-maxed); {@code arraysPerStep} native arrays one such step creates (each one native operation via JNI).
     */
    public record Stages(
            double audioDecodeMillis,
            double logMelMillis,
            double encoderMillis,
            double promptMillis,
            double stepMillis,
            double headMillis,
            int arraysPerStep) {}

    /**
     * What bounds each stage: the shapes [out, in] of the matrices a cached step multiplies one row by (decoder
     * layers' weights and the cached cross-attention keys and values, then the output projection), and the encoder's floating-point operations with its positions and width.
     */
    public record Work(
            List<long[]> stepWeights, List<long[]> headWeights, double encoderFlops, int positions, int width) {}

    private WhisperStageTimer() {}

    /** The work of one voice query of the transcriber's architecture. */
    public static Work work(WhisperTranscriber transcriber) {
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
        return new Work(step, head, perLayer * config.encoderLayers() + stem, (int) t, (int) d);
    }

    /** Times every stage of one query over {@code recording} (an audio file's bytes), decoding {@code tokens}. */
    public static Stages stages(WhisperTranscriber transcriber, byte[] recording, int tokens) {
        if (tokens < 2) {
            throw new IllegalArgumentException("tokens must be at least 2, not " + tokens);
        }
        long start = System.nanoTime();
        float[] samples = new AudioDecoder().decode(recording);
        long decoded = System.nanoTime();
        float[] logMel = transcriber.features().extract(samples);
        long extracted = System.nanoTime();
        WhisperModel model = transcriber.model();
        int[] prompt = transcriptionPrompt(transcriber.generation());
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = transcriber.encode(call, new float[][] {logMel});
            encoded.toFloatArray();
            long encodedAt = System.nanoTime();
            WhisperDecoder decoder = model.decoder();
            KvCache cache = new KvCache(decoder.layerCount());
            decoder.prefillCross(encoded, cache);
            double[] steps = new double[tokens - 1];
            double[] heads = new double[tokens - 1];
            int[] arrays = new int[1];
            long promptDone = transcriber.options().modelOptions().decoding(() -> {
                int next = GreedyDecoder.argmax(decoder.nextTokenLogits(call, prompt, encoded, cache));
                long promptAt = System.nanoTime();
                for (int i = 0; i < tokens - 1; i++) {
                    try (NDManager step = call.newSubManager()) {
                        cache.attach(step);
                        long stepStart = System.nanoTime();
                        NDArray hidden = decoder.forward(step, new int[] {next}, encoded, cache);
                        long layersDone = System.nanoTime();
                        next = GreedyDecoder.argmax(decoder.logits(hidden.get(new NDIndex(":, -1, :")))
                                .toFloatArray());
                        long headDone = System.nanoTime();
                        steps[i] = (layersDone - stepStart) / 1e6;
                        heads[i] = (headDone - layersDone) / 1e6;
                        arrays[0] = step.getManagedArrays().size();
                        cache.attach(call);
                    }
                }
                return promptAt;
            });
            return new Stages(
                    (decoded - start) / 1e6,
                    (extracted - decoded) / 1e6,
                    (encodedAt - extracted) / 1e6,
                    (promptDone - encodedAt) / 1e6,
                    median(steps),
                    median(heads),
                    arrays[0]);
        }
    }

    /** The prompt of a transcription in the model's first language (English for an English-only model). */
    private static int[] transcriptionPrompt(WhisperGenerationConfig generation) {
        String language =
                generation.multilingual() ? generation.languages().iterator().next() : "en";
        return generation.prompt(language, TranscriptionTask.TRANSCRIBE);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static Times time(WhisperTranscriber transcriber, float[] samples16k, int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be at least 1, not " + tokens);
        }
        float[] logMel = transcriber.features().extract(samples16k);
        WhisperModel model = transcriber.model();
        int[] prompt = transcriptionPrompt(transcriber.generation());
        try (NDManager call = model.manager().newSubManager()) {
            long start = System.nanoTime();
            NDArray encoded = transcriber.encode(call, new float[][] {logMel});
            encoded.toFloatArray(); // waits for the result on asynchronous devices
            long encodedAt = System.nanoTime();
            WhisperDecoder decoder = model.decoder();
            KvCache cache = new KvCache(decoder.layerCount());
            decoder.prefillCross(encoded, cache);
            transcriber.options().modelOptions().decoding(() -> {
                float[] logits = decoder.nextTokenLogits(call, prompt, encoded, cache);
                for (int generated = 1; generated < tokens; generated++) {
                    int next = GreedyDecoder.argmax(logits);
                    logits = decoder.nextTokenLogits(call, new int[] {next}, encoded, cache);
                }
                return logits;
            });
            long decodedAt = System.nanoTime();
            return new Times((encodedAt - start) / 1e6, (decodedAt - encodedAt) / 1e6, tokens);
        }
    }
}
