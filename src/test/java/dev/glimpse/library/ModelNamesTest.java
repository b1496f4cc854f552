package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages and the API name models as people know them, never by a path on the server. */
class ModelNamesTest {

    @Test
    void aHubIdIsShownAsItIs() {
        assertThat(ModelNames.display("Salesforce/blip-image-captioning-base"))
                .isEqualTo("Salesforce/blip-image-captioning-base");
        assertThat(ModelNames.display("openai/whisper-base@main")).isEqualTo("openai/whisper-base@main");
    }

    @Test
    void aFolderIsShownByItsNameOnly() {
        assertThat(ModelNames.display("/work/shared/fixtures/models/blip-tiny")).isEqualTo("blip-tiny");
        assertThat(ModelNames.display("../shared/fixtures/models/all-MiniLM-L6-v2/"))
                .isEqualTo("all-MiniLM-L6-v2");
        assertThat(ModelNames.display("C:\\models\\blip")).isEqualTo("blip");
    }

    @Test
    void noModelIsNoName() {
        assertThat(ModelNames.display(null)).isNull();
        assertThat(ModelNames.display(" ")).isNull();
    }
}
