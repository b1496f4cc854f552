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

    @Test
    void commandLineFetchesTheNamedModelsIntoTheGivenFolder(@TempDir Path root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LocalHubServer hub =
                new LocalHubServer().serve("glimpse/blip-tiny-bin", Fixtures.model("blip-tiny-bin"))) {
            int status = ModelPrefetch.run(
                    new String[] {"--models-dir=" + root, "--hub-url=" + hub.baseUrl(), "glimpse/blip-tiny-bin@main"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
        }
        assertThat(root.resolve("glimpse--blip-tiny-bin/main/pytorch_model.bin"))
                .exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("glimpse/blip-tiny-bin@main -> ");
    }

    @Test
    void commandLineWithoutModelsOrWithABadIdPrintsWhyAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(ModelPrefetch.run(new String[0], System.out, errors)).isEqualTo(2);
        assertThat(ModelPrefetch.run(new String[] {"../../etc"}, System.out, errors))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("usage: ModelPrefetch")
                .contains("Invalid model repository id '../../etc'");
    }
}
