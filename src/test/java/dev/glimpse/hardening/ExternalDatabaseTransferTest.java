package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.TestImages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import}, {@code backup} and {@code restore} against external PostgreSQL servers (separate servers the app
 * reaches only through {@code spring.datasource.*}, as a managed database): a library imported and captioned on one
 * server, backed up while its server runs, restored into an empty second server with a fresh blob folder, holds the
 * same images with intact blobs and is searchable there.
 */
@Tag("hardening")
class ExternalDatabaseTransferTest {

    private static final int IMAGES = 12;
    private static final Pattern CAPTIONED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\".*?\"caption\":\"([^\"]+)\"");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the servers' logs
    Path scratch;

    @Test
    void aLibraryOnOneServerIsBackedUpWhileItRunsAndRestoredIntoAnEmptyOneSearchable() throws Exception {
        Path photos = Files.createDirectories(scratch.resolve("photos"));
        for (int i = 0; i < IMAGES; i++) {
            Files.write(photos.resolve("photo-" + i + ".png"), TestImages.png(400, 300, 700 + i));
        }
        try (EmbeddedPostgres first = server(scratch.resolve("first-db"));
                EmbeddedPostgres second = server(scratch.resolve("second-db"))) {
            String firstUrl = first.getJdbcUrl("postgres", "postgres");
            String secondUrl = second.getJdbcUrl("postgres", "postgres");
            Path firstBlobs = scratch.resolve("first/blobs");
            Path secondBlobs = scratch.resolve("second/blobs");

            try (GlimpseProcess server =
                    new GlimpseProcess(scratch.resolve("first"), new ArrayList<>()).sharing(firstUrl, firstBlobs)) {
                server.start(); // creates the schema on the empty external server
                assertThat(GlimpseJar.lastLine(GlimpseJar.finish(GlimpseJar.start(
                                scratch.resolve("first"),
                                "import",
                                with(
                                        photos.toString(),
                                        external(firstUrl, "--report=" + scratch.resolve("refused.tsv")))))))
                        .isEqualTo("imported " + IMAGES + ", duplicates 0, refused 0");
                await("every imported image captioned on the first server")
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> ready(server) == IMAGES);
                String backedUp = GlimpseJar.finish(GlimpseJar.start(
                        scratch.resolve("first"),
                        "backup",
                        with(scratch.resolve("backup").toString(), external(firstUrl))));
                assertThat(GlimpseJar.lastLine(backedUp)).startsWith("backed up " + IMAGES + " images");
            }

            String restored = GlimpseJar.finish(GlimpseJar.start(
                    scratch.resolve("second"),
                    "restore",
                    with(scratch.resolve("backup").toString(), external(secondUrl))));
            assertThat(GlimpseJar.lastLine(restored)).startsWith("restored " + IMAGES + " images");
            try (Connection connection = second.getPostgresDatabase().getConnection()) {
                LibraryRows.Census census = LibraryRows.census(connection, secondBlobs);
                assertThat(census.rows()).isEqualTo(IMAGES);
                assertThat(census.distinctHashes()).isEqualTo(IMAGES);
                assertThat(census.problems()).isEmpty();
            }

            try (GlimpseProcess server =
                    new GlimpseProcess(scratch.resolve("second"), new ArrayList<>()).sharing(secondUrl, secondBlobs)) {
                server.start();
                assertThat(ready(server)).isEqualTo(IMAGES);
                Matcher captioned = CAPTIONED.matcher(get(server, "/api/images?size=1"));
                assertThat(captioned.find()).isTrue();
                String query = URLEncoder.encode(captioned.group(2), StandardCharsets.UTF_8);
                await("the restored library searchable (index rebuilt from the restored rows)")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> get(server, "/api/search?k=100&q=" + query)
                                .contains("\"id\":\"" + captioned.group(1) + "\""));
            }
        }
    }

    private static EmbeddedPostgres server(Path folder) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(true)
                .start();
    }

    /** The settings that point a command at an external server, as a self-hoster with a managed database gives them. */
    private static String[] external(String jdbcUrl, String... more) {
        String[] settings = {"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres"};
        return with(settings, more);
    }

    private static String[] with(String first, String[] rest) {
        return with(new String[] {first}, rest);
    }

    private static String[] with(String[] first, String[] rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static long ready(GlimpseProcess server) throws Exception {
        return get(server, "/api/images?size=200").split("\"status\":\"READY\"", -1).length - 1;
    }

    private static String get(GlimpseProcess server, String path) {
        HttpResponse<String> response = server.api()
                .send(server.api().request(path).timeout(Duration.ofSeconds(30)).build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
