package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ingest.IngestService;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.RawHttp;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A bounded fuzz run in the normal test run: requests mutated from valid uploads, searches, voice searches and reads
 * ({@link RequestMutator}, fixed seed) are sent one after another over loopback sockets until the request budget or
 * the time box is spent. No answer may be a 5xx, nothing may be logged at ERROR, and the only rows and blobs added
 * are those of files the answers report as stored. Prints the counts by status.
 *
 * <p>Longer or different runs: {@code -Dglimpse.fuzz.seed=7 -Dglimpse.fuzz.requests=20000
 * -Dglimpse.fuzz.seconds=600}.
 */
@Tag("hardening")
@GlimpseTest
class HostileRequestFuzzTest {

    private static final Pattern STORED = Pattern.compile("\"status\":\"stored\"|<status>stored</status>");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    BlobStore blobs;

    @Test
    void mutatedRequestsAreNeverAServerErrorNorLoggedAsErrorsAndStoreNothingRefused() throws Exception {
        long seed = Long.getLong("glimpse.fuzz.seed", 16);
        int budget = Integer.getInteger("glimpse.fuzz.requests", 3000);
        Duration timeBox = Duration.ofSeconds(Long.getLong("glimpse.fuzz.seconds", 60));
        List<String> ids = new CopyOnWriteArrayList<>();
        RequestMutator mutator = new RequestMutator(seed, port, baseImages(), recording(), () -> ids);
        long rowsBefore = ingest.count();
        long blobsBefore = countBlobs();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        int sent = 0;
        int storedFiles = 0;
        long started = System.nanoTime();

        CapturedLog log = CapturedLog.start();
        try (log) {
            while (sent < budget && System.nanoTime() - started < timeBox.toNanos()) {
                RequestMutator.FuzzRequest request = mutator.next();
                long rows = ingest.count();
                RawHttp.Answer answer = RawHttp.exchange(port, request.bytes(), Duration.ofSeconds(60));
                sent++;
                long reported = answer.status() == 201
                        ? STORED.matcher(answer.bodyText()).results().count()
                        : 0;
                long added = ingest.count() - rows;
                if (added != reported) {
                    unreported.add(added + " rows added, " + reported + " reported stored, by " + request.label()
                            + " answered " + answer.status() + " " + answer.bodyText());
                }
                byStatus.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    serverErrors.add(answer.status() + " for " + request.label() + ": " + answer.bodyText());
                }
                if (answer.status() == 201 || answer.status() == 200) {
                    String text = answer.bodyText();
                    if (request.label().startsWith("upload")) {
                        storedFiles += (int) STORED.matcher(text).results().count();
                    }
                    Matcher found = ID.matcher(text);
                    while (found.find() && ids.size() < 200) {
                        ids.add(found.group(1));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(
                "Fuzz (seed %d): %d requests in %.1f s (%.0f/s); by status %s; %d files stored; %d log events, %d with"
                        + " a stack trace, %d at ERROR%n",
                seed,
                sent,
                seconds,
                sent / seconds,
                byStatus,
                storedFiles,
                log.events().size(),
                log.stackTraces().size(),
                log.errors().size());
        log.stackTraces().stream().distinct().limit(10).forEach(line -> System.out.println("  stack trace: " + line));
        assertThat(serverErrors).isEmpty();
        assertThat(unreported).isEmpty();
        assertThat(log.errors()).isEmpty();
        assertThat(ingest.count()).isEqualTo(rowsBefore + storedFiles);
        assertThat(countBlobs()).isEqualTo(blobsBefore + 2L * storedFiles);
        assertThat(sent).isGreaterThan(100);
    }

    private static List<byte[]> baseImages() {
        return List.of(
                TestImages.png(40, 30, 1601),
                TestImages.jpeg(48, 32, 1602),
                TestImages.encode(TestImages.picture(24, 24, 1603), "gif"),
                read("tiny-16px.webp"),
                read("tiny-16px.jpg"));
    }

    private static byte[] recording() {
        return read("speech-red-car-22khz.wav");
    }

    private static byte[] read(String media) {
        try {
            return Files.readAllBytes(Fixtures.media(media));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long countBlobs() {
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            return all.count();
        }
    }
}
