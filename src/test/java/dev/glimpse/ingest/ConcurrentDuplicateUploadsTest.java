package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Eight clients send the same image at the same moment: the database decides which one stores it, quietly. Exactly one
 * is stored, the seven others are duplicates of that same image, no blob is left behind by the losers, and nothing is
 * logged above INFO (no "duplicate key" warning or error from Hibernate or the driver).
 */
@Tag("integration")
@GlimpseTest
class ConcurrentDuplicateUploadsTest {

    private static final int CLIENTS = 8;

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void sameImageFromEightClientsAtOnceIsStoredOnceAndLogsNothingAboveInfo() throws Exception {
        byte[] png = TestImages.png(320, 240, 6101);
        Set<String> blobsBefore = blobKeys();
        long rowsBefore = images.count();
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<JsonNode> answers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        CapturedLog log = CapturedLog.start();
        try (log;
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String name = "same-" + i + ".png";
                sent.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.upload(name, png);
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                answers.add(GlimpseHttp.firstFile(response));
            }
        }
        List<String> aboveInfo = log.events().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
        System.out.println("Statuses " + statuses + "; outcomes "
                + answers.stream().map(a -> a.get("status").asString()).toList() + "; log events above INFO: "
                + aboveInfo);

        assertThat(answers.stream().filter(a -> a.get("status").asString().equals("stored")))
                .hasSize(1);
        assertThat(answers.stream().filter(a -> a.get("status").asString().equals("duplicate")))
                .hasSize(CLIENTS - 1);
        assertThat(answers.stream().map(a -> a.get("id").asString()).distinct()).hasSize(1);
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(images.count()).isEqualTo(rowsBefore + 1);
        Image stored = images.findById(
                        UUID.fromString(answers.getFirst().get("id").asString()))
                .orElseThrow();
        Set<String> added = new HashSet<>(blobKeys());
        added.removeAll(blobsBefore);
        assertThat(added)
                .as("only the original and thumbnail of the one stored: the others' blobs were removed")
                .containsExactlyInAnyOrder(stored.getStorageKey(), stored.getThumbnailKey());
        assertThat(aboveInfo).isEmpty();
    }

    private Set<String> blobKeys() {
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            return all.map(BlobStore.StoredBlob::key).collect(Collectors.toSet());
        }
    }
}
