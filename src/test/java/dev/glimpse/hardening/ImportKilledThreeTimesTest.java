package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import FOLDER} killed with SIGKILL three times at random points (the seed is printed; set
 * {@code -Dglimpse.test.seed=…} to repeat a run), then run to the end: the library holds each distinct image exactly
 * once with its blobs intact, nothing stored by a killed run is lost, and the last run's summary matches what the
 * killed runs left. The first kill falls anywhere from the JVM's start on (database start-up and migrations
 * included); the others once the import has stored a random number of further images, a random moment later.
 */
@Tag("hardening")
class ImportKilledThreeTimesTest {

    private static final int IMAGES = 200;
    private static final int COPIES = 20;
    private static final int NOT_IMAGES = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path scratch;

    @Test
    void killedThreeTimesThenRunToTheEndStoresEveryImageExactlyOnce() throws Exception {
        long seed = Long.getLong("glimpse.test.seed", System.nanoTime());
        System.out.println(
                "ImportKilledThreeTimesTest seed " + seed + " (repeat with -Dglimpse.test.seed=" + seed + ")");
        Random random = new Random(seed);
        Path photos = photos(scratch.resolve("photos"), random);
        Path data = scratch.resolve("data");
        Path report = scratch.resolve("refused.tsv");

        long storedBefore = 0;
        for (int kill = 1; kill <= 3; kill++) {
            Process run = GlimpseJar.start(data, "import", photos.toString(), "--threads=2", "--report=" + report);
            CompletableFuture<String> output = drain(run);
            String point;
            if (kill == 1) {
                // anywhere in the first seconds: JVM start, database start (initdb on this first run), migrations
                int delay = random.nextInt(8_000);
                point = delay + " ms after the start";
                Thread.sleep(delay); // the random kill point itself, not a wait for something
            } else {
                long more = 10 + random.nextInt(IMAGES / 6);
                long blobsAtStart = GlimpseJar.blobCount(data.resolve("blobs"));
                await("import run " + kill + " storing " + more + " more images")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> !run.isAlive()
                                || GlimpseJar.blobCount(data.resolve("blobs")) - blobsAtStart >= 2 * more);
                int delay = random.nextInt(300);
                point = delay + " ms after it stored " + more + " more images";
                Thread.sleep(delay); // a random moment later: mid-file, mid-commit, between files
            }
            assertThat(run.isAlive())
                    .as("import run %d was still running when killed:%n%s", kill, output.getNow("(running)"))
                    .isTrue();
            run.destroyForcibly().waitFor();
            LibraryRows.Census afterKill = LibraryRows.census(data);
            System.out.printf(
                    "kill %d, %s: %d images stored (%d before), %d blobs on disk; its output:%n%s%n",
                    kill,
                    point,
                    afterKill.rows(),
                    storedBefore,
                    GlimpseJar.blobCount(data.resolve("blobs")),
                    output.join());
            assertThat(afterKill.rows()).as("images stored after kill " + kill).isGreaterThanOrEqualTo(storedBefore);
            assertThat(afterKill.distinctHashes()).isEqualTo(afterKill.rows());
            assertThat(afterKill.problems()).isEmpty();
            storedBefore = afterKill.rows();
        }
        assertThat(storedBefore).as("images the killed runs stored").isLessThan(IMAGES);

        String last = GlimpseJar.finish(
                GlimpseJar.start(data, "import", photos.toString(), "--threads=2", "--report=" + report));
        long[] counts = GlimpseJar.summary(last);
        LibraryRows.Census library = LibraryRows.census(data);
        System.out.printf(
                "after the last run: %s; %d images, %d distinct contents, %d blobs on disk (orphans of killed runs"
                        + " are the sweeper's)%n",
                GlimpseJar.lastLine(last),
                library.rows(),
                library.distinctHashes(),
                GlimpseJar.blobCount(data.resolve("blobs")));
        assertThat(library.rows()).isEqualTo(IMAGES);
        assertThat(library.distinctHashes()).isEqualTo(IMAGES);
        assertThat(library.distinctSources()).isEqualTo(IMAGES);
        assertThat(library.problems()).isEmpty();
        assertThat(counts).containsExactly(IMAGES - storedBefore, COPIES + storedBefore, NOT_IMAGES);
        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).hasSize(NOT_IMAGES);

        assertThat(GlimpseJar.lastLine(
                        GlimpseJar.finish(GlimpseJar.start(data, "import", photos.toString(), "--report=" + report))))
                .isEqualTo("imported 0, duplicates " + (IMAGES + COPIES) + ", refused " + NOT_IMAGES);
    }

    /** Distinct small PNGs and JPEGs in nested folders, copies of some elsewhere, and files that are no images. */
    private static Path photos(Path root, Random random) throws IOException {
        for (int i = 0; i < IMAGES; i++) {
            Path album = Files.createDirectories(root.resolve("year-" + (i % 4)).resolve("album-" + (i % 7)));
            int width = 200 + random.nextInt(400);
            int height = 150 + random.nextInt(300);
            long pictureSeed = random.nextLong();
            boolean png = random.nextBoolean();
            Files.write(
                    album.resolve("photo-" + i + (png ? ".png" : ".jpg")),
                    png ? TestImages.png(width, height, pictureSeed) : TestImages.jpeg(width, height, pictureSeed));
        }
        Path copies = Files.createDirectories(root.resolve("copies"));
        for (int i = 0; i < COPIES; i++) {
            int original = random.nextInt(IMAGES);
            try (var files = Files.walk(root.resolve("year-" + (original % 4)))) {
                Path source = files.filter(file -> file.getFileName().toString().startsWith("photo-" + original + "."))
                        .findFirst()
                        .orElseThrow();
                Files.copy(source, copies.resolve("copy-" + i + "-" + source.getFileName()));
            }
        }
        for (int i = 0; i < NOT_IMAGES; i++) {
            Files.writeString(root.resolve("notes-" + i + ".txt"), "not an image " + i);
        }
        return root;
    }

    /** Reads the process's output as it comes (so it never blocks on a full pipe); complete when the process ends. */
    private static CompletableFuture<String> drain(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output lost: " + e + ")";
            }
        });
    }
}
