package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.CpuSaturation;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** A round fills tiles as captions arrive, leaves empty the ones it has no example for, and can be cancelled. */
class ExampleRoundTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final List<CompletableFuture<String>> captionRequests = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> captioned = new ConcurrentHashMap<>();
    private final List<Integer> skipped = new CopyOnWriteArrayList<>();

    @Test
    void tilesFillAsCaptionsArriveAndTheRestAreSkipped() throws Exception {
        writeImages(2);
        ExampleRound round = new ExampleRound(this::pendingCaption, sources(), 4, listener()).start();

        await().atMost(PATIENCE).until(() -> captionRequests.size() == 2 && skipped.size() == 2);
        assertThat(skipped).containsExactly(2, 3);
        assertThat(captioned).isEmpty();

        captionRequests.get(1).complete("a second example");
        await().atMost(PATIENCE).until(() -> captioned.containsKey(1));
        assertThat(captioned).containsExactly(Map.entry(1, "a second example"));
        assertThat(round.fetchingDone()).isTrue();
    }

    @Test
    void cancellingCancelsTheCaptionRequestsAndTellsNothingMore() throws Exception {
        writeImages(3);
        ExampleRound round = new ExampleRound(this::pendingCaption, sources(), 3, listener()).start();
        await().atMost(PATIENCE).until(() -> captionRequests.size() == 3);

        round.cancel();

        assertThat(captionRequests).allMatch(CompletableFuture::isCancelled);
        assertThat(captioned).isEmpty();
        assertThat(skipped).isEmpty();
    }

    @Test
    void aRoundCancelledAtAnyMomentLeavesNoCaptionRequestRunningUnderFullCpuLoad() throws Exception {
        writeImages(4);
        int rounds = 100;
        try (CpuSaturation load = CpuSaturation.start()) {
            for (int i = 0; i < rounds; i++) {
                int before = captionRequests.size();
                ExampleRound round = new ExampleRound(this::pendingCaption, sources(), 4, listener()).start();
                if (i % 2 == 1) { // odd rounds: cancel while the round is making its requests, even ones at once
                    await().atMost(PATIENCE).until(() -> captionRequests.size() > before);
                }
                round.cancel();
                await("round " + i + " stops gathering").atMost(PATIENCE).until(round::fetchingDone);
                assertThat(captionRequests).allMatch(CompletableFuture::isCancelled);
            }
        }
        assertThat(captioned).isEmpty();
        System.out.println("ExampleRound: " + rounds + " rounds cancelled under load, " + captionRequests.size()
                + " caption requests made, all cancelled");
    }

    private CaptionCache.Lookup pendingCaption(Example.Fetched example) {
        CompletableFuture<String> caption = new CompletableFuture<>();
        captionRequests.add(caption);
        return new CaptionCache.Lookup(caption, true);
    }

    private ExampleRound.Listener listener() {
        return new ExampleRound.Listener() {
            @Override
            public void captioned(int tile, Example example, String caption) {
                captioned.put(tile, caption);
            }

            @Override
            public void skipped(int tile) {
                skipped.add(tile);
            }
        };
    }

    private ExampleSources sources() {
        return new ExampleSources(
                null,
                null,
                new FolderImageSource(
                        new ExamplesProperties.Folder(folder, DataSize.ofMegabytes(5)), UploadLimits.DECODING));
    }

    private void writeImages(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Files.write(folder.resolve("example-" + i + ".png"), TestImages.png(24, 24, i));
        }
    }
}
