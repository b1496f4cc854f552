package dev.glimpse.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.serving.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPagePartsTest {

    @Test
    void theResultCountAgreesWithItsNumber() {
        assertThat(SearchPageParts.matches(0)).isEqualTo("No image matches");
        assertThat(SearchPageParts.matches(1)).isEqualTo("1 image matches");
        assertThat(SearchPageParts.matches(3)).isEqualTo("3 images match");
        assertThat(SearchPageParts.matches(1200)).isEqualTo("1,200 images match");
    }

    @Test
    void theRecorderSaysWhyOnlyWhileTheSpeechModelIsMissing() {
        ModelState missing = new ModelState(
                "speech", "openai/whisper-tiny", ModelState.Availability.MISSING, "host not found", null, null);
        ModelState onDisk =
                new ModelState("speech", "openai/whisper-tiny", ModelState.Availability.ON_DISK, null, null, null);
        ModelState captionMissing = new ModelState(
                "caption", "Salesforce/blip", ModelState.Availability.MISSING, "host not found", null, null);

        assertThat(SpeechAvailability.reason(List.of(missing)))
                .isEqualTo(
                        "Voice search is off: the speech model is missing (host not found). Type your search instead.");
        assertThat(SpeechAvailability.reason(List.of(onDisk, captionMissing))).isEmpty();
    }
}
