package dev.glimpse.speech;

import java.util.Locale;

/** What Whisper does with speech: write it down in its own language, or translate it into English. */
public enum TranscriptionTask {
    TRANSCRIBE,
    TRANSLATE;

    /** The key of this task in {@code generation_config.json}'s {@code task_to_id}. */
    String configKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
