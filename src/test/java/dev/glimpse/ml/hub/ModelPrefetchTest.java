package dev.glimpse.ml.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPrefetchTest {

    @Test
    void prefetchFetchesEveryModelAndPrintsItsFolderAndSize(@TempDir Path root) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LocalHubServer hub = new LocalHubServer()
                .serve("glimpse/blip-tiny", Fixtures.model("blip-tiny"))
                .serve("glimpse/whisper-tiny-bin", Fixtures.model("whisper-tiny-bin"))) {
            ModelStore store = new ModelStore(root, new HubClient(hub.baseUrl()), false);
            List<ModelRef> refs =
                    List.of(ModelRef.parse("glimpse/blip-tiny"), ModelRef.parse("glimpse/whisper-tiny-bin"));

            List<ModelPrefetch.Prefetched> fetched =
                    new ModelPrefetch(store, new PrintStream(printed, true, StandardCharsets.UTF_8)).prefetch(refs);

            assertThat(fetched)
                    .extracting(ModelPrefetch.Prefetched::folder)
                    .containsExactly(store.folder(refs.get(0)), store.folder(refs.get(1)));
            long weights = Files.size(Fixtures.model("whisper-tiny-bin").resolve("pytorch_model.bin"));
            assertThat(fetched.get(1).bytes()).isGreaterThan(weights);
            assertThat(new ModelStore(root, new HubClient(hub.baseUrl()), true).resolve(refs.get(1)))
                    .isEqualTo(store.folder(refs.get(1)));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("glimpse/blip-tiny@main -> " + root.resolve("glimpse--blip-tiny/main"))
                .endsWith(" MB)");
    }
}
