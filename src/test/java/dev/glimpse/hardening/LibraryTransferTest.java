package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.TestImages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's {@code import}, {@code backup} and {@code restore} as a self-hoster runs them: an import killed with
 * SIGKILL after it stored some images and run again ends with exact counts and stores each image once; an import
 * beside a running server on the same embedded database adds its images to that server's library; a backup made while
 * the server runs, restored into a fresh working folder, gives a server with the same images, searchable.
 */
@Tag("hardening")
class LibraryTransferTest {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern CAPTIONED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\".*?\"caption\":\"([^\"]+)\"");

    @TempDir
    Path scratch;

    @Test
    void importKilledThenRunAgainBesideAServerThenBackupAndRestoreKeepEveryImageOnce() throws Exception {
        Path data = scratch.resolve("data");
        Path photos = photos(scratch.resolve("photos"), 0, 30, 5, 3);

        // killed once it has stored something, then run again to the end
        Path report = scratch.resolve("refused.tsv");
        Process first = GlimpseJar.start(data, "import", photos.toString(), "--threads=1", "--report=" + report);
        Path blobs = data.resolve("blobs");
        await("the first import storing images")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !first.isAlive() || GlimpseJar.blobCount(blobs) >= 4);
        assertThat(first.isAlive())
                .as("the first import was still running when killed")
                .isTrue();
        first.destroyForcibly().waitFor();
        long storedBeforeKill = GlimpseJar.blobCount(blobs) / 2;
        System.out.println("killed the first import with about " + storedBeforeKill + " images stored");

        String second = GlimpseJar.finish(GlimpseJar.start(data, "import", photos.toString(), "--report=" + report));
        long[] counts = GlimpseJar.summary(second);
        assertThat(counts[0] + counts[1]).as(second).isEqualTo(35);
        assertThat(counts[0]).as(second).isLessThan(30);
        assertThat(counts[2]).as(second).isEqualTo(3);
        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8))
                .hasSize(3)
                .allMatch(line -> line.contains("\t"));
        assertThat(GlimpseJar.lastLine(
                        GlimpseJar.finish(GlimpseJar.start(data, "import", photos.toString(), "--report=" + report))))
                .isEqualTo("imported 0, duplicates 35, refused 3");

        try (GlimpseProcess server = new GlimpseProcess(data, new ArrayList<>())) {
            server.start();
            assertThat(total(server)).isEqualTo(30);
            assertThat(get(server, "/api/images?size=200")).contains("\"sourcePath\":\"photos/");

            // beside the running server: 10 new images, 2 copies of imported ones, 1 non-image
            Path more = photos(scratch.resolve("more"), 100, 10, 0, 1);
            Files.copy(photos.resolve("album-0/photo-0.png"), more.resolve("copy-a.png"));
            Files.copy(photos.resolve("album-1/photo-1.jpg"), more.resolve("copy-b.jpg"));
            assertThat(GlimpseJar.lastLine(
                            GlimpseJar.finish(GlimpseJar.start(data, "import", more.toString(), "--report=" + report))))
                    .isEqualTo("imported 10, duplicates 2, refused 1");
            await("the server seeing the imported images")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> total(server) == 40);

            Path backup = scratch.resolve("backup");
            String backedUp = GlimpseJar.finish(GlimpseJar.start(data, "backup", backup.toString()));
            assertThat(GlimpseJar.lastLine(backedUp)).startsWith("backed up 40 images");
            assertThat(backup.resolve("manifest.json")).isRegularFile();
            assertThat(backup.resolve("SHA256SUMS")).isRegularFile();
        }

        Path restored = scratch.resolve("restored");
        String restoring = GlimpseJar.finish(
                GlimpseJar.start(restored, "restore", scratch.resolve("backup").toString()));
        assertThat(GlimpseJar.lastLine(restoring)).startsWith("restored 40 images");
        Process again =
                GlimpseJar.start(restored, "restore", scratch.resolve("backup").toString());
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String refusal = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.exitValue()).as(refusal).isEqualTo(1);
        assertThat(refusal).contains("already holds 40 images");

        try (GlimpseProcess server = new GlimpseProcess(restored, new ArrayList<>())) {
            server.start();
            assertThat(total(server)).isEqualTo(40);
            await("every restored image captioned and searchable")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() ->
                            get(server, "/api/images?size=200").split("\"status\":\"READY\"", -1).length - 1 == 40);
            Matcher captioned = CAPTIONED.matcher(get(server, "/api/images?size=1"));
            assertThat(captioned.find()).isTrue();
            String found = get(
                    server,
                    "/api/search?k=100&q=" + java.net.URLEncoder.encode(captioned.group(2), StandardCharsets.UTF_8));
            System.out.println("search after restore for \"" + captioned.group(2) + "\": "
                    + found.substring(0, Math.min(300, found.length())));
            assertThat(found).contains("\"id\":\"" + captioned.group(1) + "\"");
        }
    }

    /** {@code count} distinct images in sub-folders, {@code copies} copies of some, {@code junk} non-images. */
    private static Path photos(Path root, int firstSeed, int count, int copies, int junk) throws IOException {
        for (int i = 0; i < count; i++) {
            Path album = Files.createDirectories(root.resolve("album-" + (i % 3)));
            byte[] bytes =
                    i % 2 == 0 ? TestImages.png(900, 700, firstSeed + i) : TestImages.jpeg(900, 700, firstSeed + i);
            Files.write(album.resolve("photo-" + i + (i % 2 == 0 ? ".png" : ".jpg")), bytes);
        }
        Path copiesFolder = Files.createDirectories(root.resolve("copies"));
        for (int i = 0; i < copies; i++) {
            Path original = root.resolve("album-" + (i % 3)).resolve("photo-" + i + (i % 2 == 0 ? ".png" : ".jpg"));
            Files.copy(original, copiesFolder.resolve("copy-of-" + original.getFileName()));
        }
        for (int i = 0; i < junk; i++) {
            Files.writeString(root.resolve("notes-" + i + ".txt"), "not an image " + i);
        }
        return root;
    }

    private static long total(GlimpseProcess server) throws Exception {
        Matcher matcher = TOTAL.matcher(get(server, "/api/images?size=1"));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String get(GlimpseProcess server, String path) {
        HttpResponse<String> response = server.api()
                .send(server.api().request(path).timeout(Duration.ofSeconds(30)).build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
