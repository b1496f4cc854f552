package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Overload on loopback with small configured capacities: three times as many concurrent uploads as the pipeline may
 * have in flight and three times as many concurrent searches as the embedding queue holds. Excess searches are
 * refused as busy (503 problem) and uploads are stored and queued (never more than the in-flight bound captioning at
 * once); every accepted upload ends READY; p95 latency of accepted searches is printed. Then a soak with steady
 * traffic checks that heap after GC, threads, open files and temporary files stay flat.
 *
 * <p>Long variants: {@code -Dglimpse.load.waves=10} (default 1 wave) and {@code -Dglimpse.soak.duration=10m}
 * (default 30s).
 */
@Tag("hardening")
@GlimpseTest
@TestPropertySource(
        properties = {
            "glimpse.pipeline.max-in-flight=" + OverloadTest.IN_FLIGHT,
            "glimpse.embedding.executor.queue-capacity=" + OverloadTest.SEARCH_QUEUE,
            "glimpse.caption.executor.queue-capacity=" + OverloadTest.IN_FLIGHT,
            "glimpse.pipeline.poll-interval=500ms"
        })
class OverloadTest {

    static final int IN_FLIGHT = 4;
    static final int SEARCH_QUEUE = 4;
    private static final int UPLOADS = 3 * IN_FLIGHT;
    private static final int SEARCHES = 3 * (SEARCH_QUEUE + 1);
    private static final Pattern STORED_ID = Pattern.compile("\"status\":\"stored\",\"id\":\"([0-9a-f-]{36})\"");
    private static final List<String> WORDS = List.of("red car", "a dog on the beach", "city at night", "blue sea");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServletContext servlet;

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private static final AtomicInteger SEEDS = new AtomicInteger(900_000);

    @Test
    void threeTimesTheCapacityIsRefusedOrQueuedAndEverythingAcceptedBecomesReady() throws Exception {
        int waves = Integer.getInteger("glimpse.load.waves", 1);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<Long> searchMillis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> uploadStatuses = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> searchStatuses = new ConcurrentHashMap<>();
        AtomicInteger mostCaptioning = new AtomicInteger();
        Thread watcher = Thread.ofVirtual().start(() -> watchCaptioning(mostCaptioning));
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int wave = 0; wave < waves; wave++) {
                List<Future<?>> requests = new ArrayList<>();
                for (int i = 0; i < UPLOADS; i++) {
                    requests.add(clients.submit(() -> upload(accepted, uploadStatuses)));
                }
                for (int i = 0; i < SEARCHES; i++) {
                    String query = WORDS.get(i % WORDS.size());
                    requests.add(clients.submit(() -> search(query, searchMillis, searchStatuses)));
                }
                for (Future<?> request : requests) {
                    request.get();
                }
            }
        }
        long sent = (System.nanoTime() - start) / 1_000_000;
        long readyAfter = awaitReady(accepted);
        watcher.interrupt();

        System.out.printf(
                "Load: %d wave(s) of %d concurrent uploads (3 × max-in-flight %d) and %d concurrent searches"
                        + " (3 × queue %d + 1 worker) in %d ms%n  uploads by status %s, %d accepted, all READY %d ms"
                        + " later; most CAPTIONING at once %d%n  searches by status %s; accepted search latency p50 %d"
                        + " ms, p95 %d ms, max %d ms; heap used now %d MB of %d MB%n",
                waves,
                UPLOADS,
                IN_FLIGHT,
                SEARCHES,
                SEARCH_QUEUE,
                sent,
                uploadStatuses,
                accepted.size(),
                readyAfter,
                mostCaptioning.get(),
                searchStatuses,
                percentile(searchMillis, 50),
                percentile(searchMillis, 95),
                percentile(searchMillis, 100),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        assertThat(uploadStatuses.keySet()).isSubsetOf(201, 503);
        assertThat(searchStatuses.keySet()).isSubsetOf(200, 503);
        assertThat(accepted).isNotEmpty();
        assertThat(searchMillis).isNotEmpty();
        assertThat(mostCaptioning.get()).isLessThanOrEqualTo(IN_FLIGHT);
    }

    @Test
    void steadyTrafficKeepsHeapThreadsOpenFilesAndTemporaryFilesFlat() throws Exception {
        Duration duration = Duration.parse(
                "PT" + System.getProperty("glimpse.soak.duration", "30s").toUpperCase());
        Duration every = duration.compareTo(Duration.ofMinutes(2)) >= 0 ? Duration.ofMinutes(1) : duration.dividedBy(3);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<Long> searchMillis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.take(tempFolder()));
        long end = System.nanoTime() + duration.toNanos();
        long nextSample = System.nanoTime() + every.toNanos();
        while (System.nanoTime() < end) {
            upload(accepted, statuses);
            for (int i = 0; i < 4; i++) {
                search(WORDS.get(i), searchMillis, statuses);
            }
            requests.addAndGet(5);
            Thread.sleep(250);
            if (System.nanoTime() >= nextSample) {
                samples.add(Sample.take(tempFolder()));
                nextSample += every.toNanos();
            }
        }
        awaitReady(accepted);
        samples.add(Sample.take(tempFolder()));

        System.out.printf(
                "Soak for %s: %d requests (%d uploads), statuses %s, search p95 %d ms%n",
                duration, requests.get(), accepted.size(), statuses, percentile(searchMillis, 95));
        samples.forEach(sample -> System.out.println("  " + sample));
        Sample first = samples.get(1 < samples.size() - 1 ? 1 : 0);
        Sample last = samples.getLast();
        assertThat(statuses.keySet()).isSubsetOf(200, 201);
        assertThat(last.heapMb() - first.heapMb())
                .as("heap growth after GC (MB)")
                .isLessThan(64);
        assertThat(last.threads() - first.threads()).as("thread growth").isLessThan(20);
        assertThat(last.openFiles() - first.openFiles()).as("open file growth").isLessThan(30);
        assertThat(last.tempKb() - first.tempKb())
                .as("temporary file growth (kB)")
                .isLessThan(10 * 1024);
    }

    private void upload(Set<String> accepted, Map<Integer, AtomicInteger> statuses) {
        try {
            HttpResponse<String> response = http.send(
                    new Multipart()
                            .file("files", "load.png", CrashRecoveryTest.noisePng(SEEDS.incrementAndGet()))
                            .post(URI.create("http://localhost:" + port + "/api/images")),
                    HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), code -> new AtomicInteger())
                    .incrementAndGet();
            Matcher stored = STORED_ID.matcher(response.body());
            while (stored.find()) {
                accepted.add(stored.group(1));
            }
        } catch (IOException e) {
            statuses.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void search(String query, List<Long> millis, Map<Integer, AtomicInteger> statuses) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?q="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), code -> new AtomicInteger())
                    .incrementAndGet();
            if (response.statusCode() == 200) {
                millis.add((System.nanoTime() - start) / 1_000_000);
            } else {
                assertThat(response.body()).contains("busy");
            }
        } catch (IOException e) {
            statuses.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every accepted image is READY; how long that took (ms). */
    private long awaitReady(Set<String> ids) {
        long start = System.nanoTime();
        await("every accepted image READY")
                .atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<String> waiting = ids.stream()
                            .filter(id -> !"READY"
                                    .equals(jdbc.queryForObject(
                                            "select status from image where id = ?::uuid", String.class, id)))
                            .toList();
                    assertThat(waiting)
                            .as("%d accepted images still not READY", waiting.size())
                            .isEmpty();
                });
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void watchCaptioning(AtomicInteger most) {
        while (!Thread.currentThread().isInterrupted()) {
            Integer now = jdbc.queryForObject("select count(*) from image where status = 'CAPTIONING'", Integer.class);
            most.accumulateAndGet(now == null ? 0 : now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Path tempFolder() {
        return ((File) servlet.getAttribute(ServletContext.TEMPDIR)).toPath();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One look at the process: heap after GC, live threads, open file descriptors, temporary folder size. */
    record Sample(long heapMb, int threads, long openFiles, long tempKb) {
        static Sample take(Path temp) throws IOException {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            long files;
            try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
                files = descriptors.count();
            }
            long bytes;
            try (Stream<Path> all = Files.walk(temp)) {
                bytes = all.filter(Files::isRegularFile)
                        .mapToLong(path -> path.toFile().length())
                        .sum();
            }
            return new Sample(heap, threads, files, bytes >> 10);
        }

        @Override
        public String toString() {
            return String.format(
                    "heap after GC %d MB, %d threads, %d open files, temp folder %d kB",
                    heapMb, threads, openFiles, tempKb);
        }
    }
}
