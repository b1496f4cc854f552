package dev.glimpse.speech;

import dev.glimpse.ml.ModelOptions;

/**
 * How a {@link WhisperTranscriber} runs: the most tokens it writes per clip (also bounded by the model's
 * positions), the spoken language as a code such as {@code en} ({@code null}: detect it per clip), the task,
 * the device/threads of the model and the limits on recordings decoded from bytes.
 */
public record TranscriberOptions(
        int maxNewTokens, String language, TranscriptionTask task, ModelOptions modelOptions, AudioLimits audioLimits) {

    public static final int DEFAULT_MAX_NEW_TOKENS = 128;

    public TranscriberOptions {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1: " + maxNewTokens);
        }
        language = language == null || language.isBlank() ? null : language.strip();
        task = task == null ? TranscriptionTask.TRANSCRIBE : task;
        modelOptions = modelOptions == null ? ModelOptions.defaults() : modelOptions;
        audioLimits = audioLimits == null ? AudioLimits.defaults() : audioLimits;
    }

    public TranscriberOptions(int maxNewTokens, String language, TranscriptionTask task, ModelOptions modelOptions) {
        this(maxNewTokens, language, task, modelOptions, AudioLimits.defaults());
    }

    /** Up to 128 tokens, language detected, transcription, CPU, default audio limits. */
    public static TranscriberOptions defaults() {
        return new TranscriberOptions(DEFAULT_MAX_NEW_TOKENS, null, TranscriptionTask.TRANSCRIBE, null, null);
    }

    public TranscriberOptions withLanguage(String code) {
        return new TranscriberOptions(maxNewTokens, code, task, modelOptions, audioLimits);
    }

    public TranscriberOptions withModelOptions(ModelOptions model) {
        return new TranscriberOptions(maxNewTokens, language, task, model, audioLimits);
    }

    public TranscriberOptions withAudioLimits(AudioLimits limits) {
        return new TranscriberOptions(maxNewTokens, language, task, modelOptions, limits);
    }

    public TranscriberOptions withMaxNewTokens(int tokens) {
        return new TranscriberOptions(tokens, language, task, modelOptions, audioLimits);
    }
}
