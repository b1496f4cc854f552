package dev.glimpse.ml.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRefTest {

    @Test
    void parsesOwnerNameAndDefaultsTheRevisionToMain() {
        assertThat(ModelRef.parse("Salesforce/blip-image-captioning-base"))
                .isEqualTo(new ModelRef("Salesforce/blip-image-captioning-base", "main"));
        assertThat(ModelRef.parse(" openai/whisper-base@v1.2 ")).isEqualTo(new ModelRef("openai/whisper-base", "v1.2"));
    }

    @Test
    void storeFolderIsOwnerDashDashNameThenRevision() {
        ModelStore store = new ModelStore(Path.of("/tmp/models"), new HubClient(), true);

        assertThat(store.folder(ModelRef.parse("sentence-transformers/all-MiniLM-L6-v2@refs/pr/3")))
                .isEqualTo(Path.of("/tmp/models/sentence-transformers--all-MiniLM-L6-v2/refs--pr--3"));
    }

    @Test
    void hubUrlEncodesTheRevisionAsOneSegment() {
        HubClient hub = new HubClient(java.net.URI.create("https://hub.example/"));

        assertThat(hub.fileUrl(ModelRef.parse("a/b@refs/pr/1"), "1_Pooling/config.json"))
                .hasToString("https://hub.example/a/b/resolve/refs%2Fpr%2F1/1_Pooling/config.json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "blip",
                "../etc",
                "a/b/c",
                "owner/..",
                "../../x",
                "owner/na me",
                "owner/-x",
                "/abs/path",
                "owner/name@../../etc",
                "owner/name@",
                "owner/name@/root",
                "owner/name@a/../b",
                "own--er/name",
                "owner/name@main\\..\\x"
            })
    void refusesIdsThatCouldEscapeTheStore(String spec) {
        assertThatThrownBy(() -> ModelRef.parse(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../config.json", "/etc/passwd", "a/../../b", "", ".hidden/x", "a\\b"})
    void refusesFileNamesFromTheHubThatCouldEscapeTheFolder(String name) {
        assertThatThrownBy(() -> ModelFiles.checkFileName(name)).isInstanceOf(HubException.class);
    }
}
