package dev.glimpse.speech;

/**
 * Per-call choices that override the transcriber's options: the spoken language (a code such as {@code fr};
 * {@code null} keeps the configured one, or detection) and the task ({@code null} keeps the configured one;
 * {@link TranscriptionTask#TRANSLATE} writes English whatever is spoken).
 */
public record TranscribeRequest(String language, TranscriptionTask task) {

    public TranscribeRequest {
        language = language == null || language.isBlank() ? null : language.strip();
    }

    /** Everything as configured. */
    public static TranscribeRequest defaults() {
        return new TranscribeRequest(null, null);
    }

    /** Translate into English, the language detected or configured. */
    public static TranscribeRequest translateToEnglish() {
        return new TranscribeRequest(null, TranscriptionTask.TRANSLATE);
    }
}
