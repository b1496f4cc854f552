package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.KvCache;

/**
 * Times the two stages of a transcription apart, for benchmarks: the encoder over one clip's log-mel features,
 * and a decode of exactly {@code tokens} greedy tokens after the prompt with the key/value cache (the end-of-text
 * token does not stop it, so random-weight models decode as many tokens as asked). Feature extraction is in
 * neither figure.
 */
public final class WhisperStageTimer {

    /** Milliseconds of the encoder pass and of the whole decode (prompt pass included), and tokens decoded. */
    public record Times(double encoderMillis, double decodeMillis, int tokens) {}

    private WhisperStageTimer() {}

    public static Times time(WhisperTranscriber transcriber, float[] samples16k, int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be at least 1, not " + tokens);
        }
        float[] logMel = transcriber.features().extract(samples16k);
        WhisperModel model = transcriber.model();
        WhisperGenerationConfig generation = transcriber.generation();
        String language =
                generation.multilingual() ? generation.languages().iterator().next() : "en";
        int[] prompt = generation.prompt(language, TranscriptionTask.TRANSCRIBE);
        try (NDManager call = model.manager().newSubManager()) {
            long start = System.nanoTime();
            NDArray encoded = transcriber.encode(call, new float[][] {logMel});
            encoded.toFloatArray(); // waits for the result on asynchronous devices
            long encodedAt = System.nanoTime();
            WhisperDecoder decoder = model.decoder();
            KvCache cache = new KvCache(decoder.layerCount());
            float[] logits = decoder.nextTokenLogits(call, prompt, encoded, cache);
            for (int generated = 1; generated < tokens; generated++) {
                int next = GreedyDecoder.argmax(logits);
                logits = decoder.nextTokenLogits(call, new int[] {next}, encoded, cache);
            }
            long decodedAt = System.nanoTime();
            return new Times((encodedAt - start) / 1e6, (decodedAt - encodedAt) / 1e6, tokens);
        }
    }
}
