package dev.glimpse.speech;

/**
 * The stages {@link WhisperTranscriber} reports to a {@link dev.glimpse.ml.StageTimings}, in the order a
 * transcription runs them, and the figure it counts.
 */
public final class TranscriptionStages {

    /** A recording's container bytes to 16 kHz mono samples (transcriptions of bytes only). */
    public static final String AUDIO_DECODE = "audio decoding";

    /** Samples to log-mel features, every clip of the call. */
    public static final String LOG_MEL = "log-mel features";

    /** The encoder over the batch's features, waited for. */
    public static final String ENCODER = "encoder";

    /** The decoder step that hears each clip's language (only when a clip's language is neither asked nor set). */
    public static final String LANGUAGE = "language detection";

    /** The whole greedy decode: cross-attention keys/values, prompt pass and every later step. */
    public static final String DECODE = "decode";

    /** Every decoder layer's cross-attention keys and values over the encoded audio. */
    public static final String CROSS_KV = "cross-attention keys/values";

    /** The decoder's pass over the prompt, output projection included. */
    public static final String PROMPT = "prompt pass";

    /** The decoder layers of each later step. */
    public static final String STEP = "decode step layers";

    /** The output projection of each later step: logits of the last position, copied out. */
    public static final String HEAD = "output projection";

    /** Figure: the native arrays (each one native operation called through JNI) one later step created. */
    public static final String STEP_ARRAYS = "native arrays per step";

    private TranscriptionStages() {}
}
