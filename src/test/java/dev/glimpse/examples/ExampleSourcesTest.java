package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Sources are tried in order; offline the folder takes over, and with nothing left the gallery gets nothing. */
class ExampleSourcesTest {

    @TempDir
    Path folder;

    @Test
    void offlineTheFolderImagesAreUsedEachOnceAndThenNothing() throws Exception {
        Files.write(folder.resolve("a.png"), TestImages.png(32, 32, 1));
        Files.write(folder.resolve("b.jpg"), TestImages.jpeg(32, 32, 2));
        Files.writeString(folder.resolve("c.png"), "not an image");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        ExampleSources sources = new ExampleSources(unreachableRemote(), null, folderSource());

        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Example example = sources.next().orElseThrow();
            assertThat(example.source()).isEqualTo(Example.Source.FOLDER);
            names.add(((Example.Fetched) example).origin());
        }
        assertThat(names).containsExactlyInAnyOrder("a.png", "b.jpg");
        assertThat(sources.next()).isEmpty();
    }

    @Test
    void theRemoteServiceComesFirstWhenItAnswers() throws Exception {
        Files.write(folder.resolve("a.png"), TestImages.png(32, 32, 1));
        try (ImageServer server = new ImageServer()) {
            ExampleSources sources = new ExampleSources(
                    new RemoteImageSource(remote(server.url("/random")), UploadLimits.DECODING), null, folderSource());

            Optional<Example> first = sources.next();
            assertThat(first).get().extracting(Example::source).isEqualTo(Example.Source.REMOTE);
        }
    }

    @Test
    void withNoSourceAtAllThereIsNothingAndNoError() {
        ExampleSources sources = new ExampleSources(
                null,
                null,
                new FolderImageSource(
                        new ExamplesProperties.Folder(null, DataSize.ofMegabytes(5)), UploadLimits.DECODING));

        assertThat(sources.next()).isEmpty();
    }

    private FolderImageSource folderSource() {
        return new FolderImageSource(
                new ExamplesProperties.Folder(folder, DataSize.ofMegabytes(5)), UploadLimits.DECODING);
    }

    private static RemoteImageSource unreachableRemote() throws Exception {
        String url;
        try (ImageServer stopped = new ImageServer()) {
            url = stopped.url("/random");
        }
        return new RemoteImageSource(remote(url), UploadLimits.DECODING);
    }

    /** Time-outs no answer from the local server comes near, however busy the machine. */
    private static ExamplesProperties.Remote remote(String url) {
        return new ExamplesProperties.Remote(
                url,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                DataSize.ofMegabytes(1),
                3);
    }
}
