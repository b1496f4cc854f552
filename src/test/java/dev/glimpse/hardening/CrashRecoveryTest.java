package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.Multipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash harness: Glimpse runs as its own process and is killed with SIGKILL at random moments while a stream of
 * uploads comes in, in every pipeline stage (mid-upload, images RECEIVED, images CAPTIONING, all READY); in half of
 * the rounds its PostgreSQL server dies too (power loss), in the other half it is left running as an orphan; some
 * rounds also delete or corrupt the Lucene index while the app is down. After every restart the stores must agree:
 * every acknowledged upload has a row, waiting and half-captioned rows reach READY, every READY row has its blobs and
 * exactly one index document, no index document lacks a READY row, no orphan blob outlives the grace period.
 *
 * <p>Rounds: {@code -Dglimpse.crash.rounds=N} (default 6, about 2–3 minutes; the long variant runs 24).
 */
@Tag("hardening")
class CrashRecoveryTest {

    private static final int ROUNDS = Integer.getInteger("glimpse.crash.rounds", 6);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    private static final Pattern STORED_ID = Pattern.compile("\"status\":\"stored\",\"id\":\"([0-9a-f-]{36})\"");

    private enum Stage {
        MID_UPLOAD,
        RECEIVED,
        CAPTIONING,
        READY
    }

    @TempDir
    Path data;

    private final Random random = new Random(Long.getLong("glimpse.crash.seed", 20261126L));
    private final AtomicInteger imageSeed = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void killedAtRandomMomentsGlimpseRestartsWithConsistentStoresEveryTime() throws Exception {
        List<String> report = new ArrayList<>();
        try (GlimpseProcess app = new GlimpseProcess(
                data,
                List.of(
                        "--glimpse.blob-sweep.grace=" + GRACE.toSeconds() + "s",
                        "--glimpse.blob-sweep.interval=" + SWEEP_INTERVAL.toSeconds() + "s",
                        "--glimpse.pipeline.poll-interval=500ms"))) {
            Duration firstStart = app.start();
            report.add("first start " + firstStart.toMillis() + " ms");
            for (int round = 1; round <= ROUNDS; round++) {
                Stage stage = Stage.values()[(round - 1) % Stage.values().length];
                boolean powerLoss = round % 2 == 0;
                String damage = round % 5 == 3 ? "index deleted" : round % 5 == 4 ? "index corrupted" : "";
                String line = round(app, round, stage, powerLoss, damage);
                report.add(line);
                System.out.println(line);
            }
        } finally {
            System.out.println("Crash harness: " + ROUNDS + " rounds");
            report.forEach(line -> System.out.println("  " + line));
        }
    }

    private String round(GlimpseProcess app, int round, Stage stage, boolean powerLoss, String damage)
            throws Exception {
        long killAfter = killMoment(app, stage);
        int exit = app.kill(powerLoss);
        assertThat(exit).as("SIGKILL exit status").isEqualTo(137);
        damageIndex(app, damage);
        Duration restart = app.start();
        StoredState before = StoredState.read(app);
        long waiting = before.count("RECEIVED") + before.count("CAPTIONING");
        long recoveryStart = System.nanoTime();
        awaitSettled(app);
        long recovery = (System.nanoTime() - recoveryStart) / 1_000_000;
        // the index follows a READY commit within moments (after-commit listener, one fsync'd commit per image) and
        // the sweeper runs every few seconds; on a busy machine both can lag: give them up to 60 s to agree
        AtomicReference<StoredState> agreed = new AtomicReference<>();
        await("round " + round + " (" + stage + "): the stores agree")
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    StoredState state = StoredState.read(app);
                    assertThat(problems(state))
                            .as("round %d (%s) problems", round, stage)
                            .isEmpty();
                    agreed.set(state);
                });
        StoredState after = agreed.get();
        long failed = after.count("FAILED");
        assertThat(after.count("READY") + failed).isEqualTo(after.rows().size());
        return String.format(
                "round %2d/%d kill %-10s after %5d ms (exit %d, postgres %s%s) | restart %5d ms | %3d rows: %d"
                        + " waiting/half-captioned → READY in %d ms, %d failed | %3d blobs, %d .part | %3d index docs"
                        + " | %d acknowledged uploads present | checks OK",
                round,
                ROUNDS,
                stage,
                killAfter,
                exit,
                powerLoss ? "killed too" : "left orphaned",
                damage.isEmpty() ? "" : ", " + damage,
                restart.toMillis(),
                after.rows().size(),
                waiting,
                recovery,
                failed,
                after.blobs().size(),
                after.temporaryFiles().size(),
                after.indexed().size(),
                acknowledged.size());
    }

    private List<String> problems(StoredState state) {
        Instant orphansAllowedAfter =
                Instant.now().minus(GRACE.plus(SWEEP_INTERVAL).plusSeconds(5));
        List<String> problems = new ArrayList<>(state.problems(orphansAllowedAfter));
        acknowledged.stream()
                .filter(id -> !state.rows().containsKey(id))
                .forEach(id -> problems.add("acknowledged upload " + id + " has no row"));
        return problems;
    }

    /** Streams uploads until the stage is reached, then returns how long the stream ran. */
    private long killMoment(GlimpseProcess app, Stage stage) throws Exception {
        long start = System.nanoTime();
        Uploader uploader = new Uploader(app);
        Thread stream = Thread.ofPlatform().daemon().start(uploader);
        try {
            switch (stage) {
                case MID_UPLOAD -> {
                    awaitAcknowledged(acknowledged.size() + 1);
                    Thread.sleep(random.nextInt(400));
                }
                case RECEIVED -> awaitRow(app, "RECEIVED");
                case CAPTIONING -> awaitRow(app, "CAPTIONING");
                case READY -> {
                    Thread.sleep(1000 + random.nextInt(1000));
                    uploader.stop();
                    stream.join();
                    awaitSettled(app);
                }
            }
        } finally {
            uploader.stop();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void awaitAcknowledged(int count) {
        await(count + " acknowledged uploads")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= count);
    }

    private static void awaitRow(GlimpseProcess app, String status) {
        await("a " + status + " row")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> StoredState.read(app).count(status) > 0);
    }

    private static StoredState awaitSettled(GlimpseProcess app) {
        AtomicReference<StoredState> settled = new AtomicReference<>();
        await("no row RECEIVED or CAPTIONING")
                .atMost(Duration.ofSeconds(120))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    StoredState state = StoredState.read(app);
                    assertThat(state.count("RECEIVED") + state.count("CAPTIONING"))
                            .as(
                                    "rows still waiting: %d RECEIVED, %d CAPTIONING",
                                    state.count("RECEIVED"), state.count("CAPTIONING"))
                            .isZero();
                    settled.set(state);
                });
        return settled.get();
    }

    private static void damageIndex(GlimpseProcess app, String damage) throws IOException {
        if (damage.equals("index deleted")) {
            try (Stream<Path> files = Files.walk(app.index())) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } else if (damage.equals("index corrupted")) {
            try (Stream<Path> files = Files.list(app.index())) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                        .toList()) {
                    byte[] garbage = new byte[(int) Math.min(Files.size(file), 64)];
                    new Random(file.hashCode()).nextBytes(garbage);
                    Files.write(file, garbage, StandardOpenOption.WRITE);
                }
            }
        }
    }

    /** Sends one or two fresh images per request until stopped, remembering what the server said it stored. */
    private final class Uploader implements Runnable {
        private final GlimpseProcess app;
        private volatile boolean running = true;

        Uploader(GlimpseProcess app) {
            this.app = app;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Multipart body = new Multipart().file("files", "a.png", noisePng(imageSeed.incrementAndGet()));
                    if (imageSeed.get() % 2 == 0) {
                        body.file("files", "b.png", noisePng(imageSeed.incrementAndGet()));
                    }
                    HttpResponse<String> response = app.api().upload(body);
                    Matcher stored = STORED_ID.matcher(response.body());
                    while (stored.find()) {
                        acknowledged.add(stored.group(1));
                    }
                } catch (UncheckedIOException e) {
                    return;
                }
            }
        }
    }

    /** A PNG of random pixels (hundreds of kilobytes, so an upload takes a moment), different for each seed. */
    static byte[] noisePng(long seed) {
        Random noise = new Random(seed);
        BufferedImage image = new BufferedImage(240, 180, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, noise.nextInt(0xFFFFFF));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
