package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperGenerationConfigTest {

    private final WhisperGenerationConfig config = WhisperGenerationConfig.load(WhisperReference.MODEL);

    @Test
    void englishTranscriptionPromptIsTheReferencePrompt() {
        assertThat(config.prompt("en", TranscriptionTask.TRANSCRIBE))
                .containsExactly(WhisperReference.ids("prompt_ids"));
    }

    @Test
    void promptTokensComeFromTheGenerationConfig() {
        int[] prompt = config.prompt("<|fr|>", TranscriptionTask.TRANSLATE);

        assertThat(prompt)
                .containsExactly(
                        config.decoderStartTokenId(),
                        config.languageToId().get("fr"),
                        config.taskToId().get("translate"),
                        config.noTimestampsTokenId());
        assertThat(config.languageCode(prompt[1])).isEqualTo("fr");
        assertThat(config.languages()).containsExactly("en", "fr");
    }

    @Test
    void suppressionListsAreReadFromTheFile() {
        assertThat(config.suppressTokens()).containsExactly(WhisperReference.ids("suppress_tokens"));
        assertThat(config.beginSuppressTokens()).containsExactly(WhisperReference.ids("begin_suppress_tokens"));
        assertThat(config.eosTokenIds()).containsExactly(447);
    }

    @Test
    void unknownLanguageIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> config.prompt("xx", TranscriptionTask.TRANSCRIBE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx")
                .hasMessageContaining("[en, fr]");
    }

    @Test
    void englishOnlyCheckpointPromptsWithoutLanguageAndTask(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(WhisperGenerationConfig.FILE), """
                {"decoder_start_token_id": 50257, "eos_token_id": 50256, "no_timestamps_token_id": 50362,
                 "suppress_tokens": [1, 2], "begin_suppress_tokens": [220, 50256], "is_multilingual": false}
                """);

        WhisperGenerationConfig englishOnly = WhisperGenerationConfig.load(folder);

        assertThat(englishOnly.multilingual()).isFalse();
        assertThat(englishOnly.prompt(null, TranscriptionTask.TRANSCRIBE)).containsExactly(50257, 50362);
    }

    @Test
    void architectureIsReadFromConfigJson() {
        WhisperConfig whisper = WhisperConfig.load(WhisperReference.MODEL);

        assertThat(whisper).isEqualTo(new WhisperConfig(32, 2, 4, 2, 4, 80, 1500, 64, 457));
        assertThat(whisper.inputFrames()).isEqualTo(3000);
    }
}
