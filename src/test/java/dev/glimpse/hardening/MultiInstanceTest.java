package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.PrometheusText;
import dev.glimpse.testsupport.TestImages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Glimpse processes on one PostgreSQL (started by the test) and one blob folder: A and B serve pages and caption,
 * C only captions (nobody uses its pages). What one instance changes, the others' searches show; a worker killed
 * mid-caption has its images finished by another instance once the lease expires; an instance that was stopped
 * replays exactly the changes it missed; a lost LISTEN connection is covered by polling. Every lag (change answered by
 * A → visible in B's search) is printed with p50/p95/max; none is asserted, the waits are generous.
 */
@Tag("hardening")
class MultiInstanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Pattern STORED_ID = Pattern.compile("\"status\":\"stored\",\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern RESULT_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern REPLAYED = Pattern.compile("replayed (\\d+) changes");
    private static final int IMAGES = 72;
    private static final int CHANGES_WHILE_DOWN = 50;

    @TempDir
    Path data;

    private final List<Long> lags = new ArrayList<>();
    private int seed = 5000;
    private String jdbcUrl;

    @Test
    void threeInstancesOnOneDatabaseBehaveAsOneGlimpse() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("postgres"))
                        .setCleanDataDirectory(true)
                        .start();
                GlimpseProcess a = instance("a", true);
                GlimpseProcess b = instance("b", true);
                GlimpseProcess c = instance("c", true)) {
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            a.sharing(jdbcUrl, data.resolve("blobs"));
            b.sharing(jdbcUrl, data.resolve("blobs"));
            c.sharing(jdbcUrl, data.resolve("blobs"));
            a.start(); // first alone: Liquibase creates the schema once
            b.start();
            c.start();

            // warm-up, not measured: B's first search loads MiniLM, its first k-NN over a non-empty index is cold
            List<String> ids = new ArrayList<>();
            String first = upload(a);
            ids.add(first);
            await().atMost(PATIENCE).until(() -> "READY".equals(status(first)));
            String firstCaption = caption(first);
            await().atMost(PATIENCE).until(() -> search(b, firstCaption).contains(first));
            for (int i = 1; i < 11; i++) {
                String id = upload(a);
                ids.add(id);
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> "READY".equals(status(id)));
                long ready = System.nanoTime();
                String caption = caption(id);
                lags.add(millisSince(ready, () -> search(b, caption).contains(id)));
            }
            report("uploaded through A, READY seen in the database → found by B's search");
            for (int i = 11; i < IMAGES; i++) {
                ids.add(upload(a));
            }
            await().atMost(PATIENCE).until(() -> count("status = 'READY'") == IMAGES);

            for (String id : ids.subList(10, 15)) {
                String caption = caption(id);
                assertThat(search(b, caption)).contains(id);
                long sent = System.nanoTime();
                delete(a, id);
                lags.add(millisSince(sent, () -> !search(b, caption).contains(id)));
            }
            report("deleted through A → gone from B's search");

            for (String id : ids.subList(15, 18)) {
                long version = version(id);
                a.api().post("/api/images/" + id + "/recaption");
                await().atMost(PATIENCE).until(() -> version(id) > version && "READY".equals(status(id)));
                long ready = System.nanoTime();
                String caption = caption(id);
                lags.add(millisSince(ready, () -> search(b, caption).contains(id)));
                assertThat(b.log()).doesNotContain("could not apply changes");
            }
            report("re-captioned through A, READY again → found by B's search");

            int terminated = terminateListeners();
            assertThat(terminated).isGreaterThanOrEqualTo(3);
            for (String id : ids.subList(18, 21)) {
                String caption = caption(id);
                long sent = System.nanoTime();
                delete(a, id);
                lags.add(millisSince(sent, () -> !search(b, caption).contains(id)));
            }
            assertThat(b.log()).contains("Lost the connection listening for changes");
            report("deleted through A with every LISTEN connection terminated → gone from B's search (polling)");

            killWorkerMidCaption(a, b, c);

            // B stops; 50 changes; B starts again and replays exactly what it missed
            b.close();
            long stoppedAt = appliedSequence(b.index());
            List<String> stopping = b.log().lines().toList();
            System.out.println("B's last log lines as it stopped:\n  "
                    + String.join("\n  ", stopping.subList(Math.max(0, stopping.size() - 12), stopping.size())));
            long headAtStop = head();
            for (String id : ids.subList(21, 21 + CHANGES_WHILE_DOWN)) {
                delete(a, id);
            }
            assertThat(head() - headAtStop).isEqualTo(CHANGES_WHILE_DOWN);
            long missed = countAfter(stoppedAt);
            b.start();
            await().atMost(PATIENCE).until(() -> REPLAYED.matcher(b.log()).find());
            Matcher replayed = REPLAYED.matcher(b.log());
            assertThat(replayed.find()).isTrue();
            System.out.printf(
                    "B stopped at sequence %d (head %d); %d changes made while it was down; it replayed %s%n",
                    stoppedAt, headAtStop, CHANGES_WHILE_DOWN, replayed.group(1));
            assertThat(Long.parseLong(replayed.group(1))).isEqualTo(missed);
            assertThat(missed).isGreaterThanOrEqualTo(CHANGES_WHILE_DOWN);
            assertThat(b.log()).doesNotContain("Index rebuilt");
            await().atMost(PATIENCE).until(() -> indexedIds(b).equals(readyIds()));
            assertThat(indexedIds(a)).isEqualTo(readyIds());
            System.out.println("Follower lag inside A (commit → applied): " + followerLag(a));
        }
    }

    /** Kills C with SIGKILL while it holds a claim; A or B finishes that image once the lease has expired. */
    private void killWorkerMidCaption(GlimpseProcess a, GlimpseProcess b, GlimpseProcess c) throws Exception {
        List<String> victims = List.of();
        for (int attempt = 1; attempt <= 5 && victims.isEmpty(); attempt++) {
            if (attempt > 1) {
                c.start();
            }
            for (int i = 0; i < 8; i++) {
                upload(a);
            }
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> !claimedBy("worker-c").isEmpty() || count("status <> 'READY'") == 0);
            c.kill(false);
            victims = claimedBy("worker-c");
        }
        assertThat(victims).as("C was caught holding a claim").isNotEmpty();
        long killed = System.nanoTime();
        for (String victim : victims) {
            await().atMost(PATIENCE).until(() -> "READY".equals(status(victim)));
            assertThat(a.log() + b.log()).contains("Took over image " + victim + " from instance worker-c");
        }
        System.out.printf(
                "Killed worker C holding %d claim(s); A/B finished them %d ms later (lease %d s)%n",
                victims.size(), (System.nanoTime() - killed) / 1_000_000, LEASE.toSeconds());
        await().atMost(PATIENCE).until(() -> count("status <> 'READY'") == 0);
    }

    private GlimpseProcess instance(String name, boolean worker) {
        List<String> arguments = new ArrayList<>(List.of(
                "--glimpse.pipeline.enabled=" + worker,
                "--glimpse.pipeline.instance-id=worker-" + name,
                "--glimpse.pipeline.lease=" + LEASE.toSeconds() + "s",
                "--glimpse.pipeline.poll-interval=500ms",
                "--glimpse.pipeline.max-in-flight=2",
                "--glimpse.outbox.poll-interval=1s",
                "--glimpse.outbox.listen-retry=30s",
                "--glimpse.examples.enabled=false",
                "--glimpse.rate-limit.shared=true",
                "--management.endpoints.web.exposure.include=health,info,metrics,prometheus"));
        return new GlimpseProcess(data.resolve(name), arguments);
    }

    private String upload(GlimpseProcess app) throws Exception {
        HttpResponse<String> response = app.api().upload("m" + seed + ".png", TestImages.png(96, 72, seed++));
        Matcher stored = STORED_ID.matcher(response.body());
        assertThat(stored.find()).as(response.body()).isTrue();
        return stored.group(1);
    }

    private void delete(GlimpseProcess app, String id) throws Exception {
        HttpResponse<String> response = app.api().delete("/api/images/" + id);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private Set<String> search(GlimpseProcess app, String query) throws Exception {
        HttpResponse<String> response =
                app.api().get("/api/search?k=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Set<String> found = new HashSet<>();
        Matcher matcher = RESULT_ID.matcher(response.body());
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private Set<String> indexedIds(GlimpseProcess app) throws Exception {
        Map<String, Integer> documents = StoredState.indexed(app.index());
        assertThat(documents.values()).allMatch(count -> count == 1);
        return documents.keySet();
    }

    private static long appliedSequence(Path index) throws Exception {
        try (FSDirectory directory = FSDirectory.open(index)) {
            return Long.parseLong(
                    SegmentInfos.readLatestCommit(directory).getUserData().get("glimpse.applied-sequence"));
        }
    }

    private static long millisSince(long start, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(PATIENCE)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(condition);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The follower's own lag timer (commit of a change → applied to this index), from the Prometheus exposition
     * (Micrometer's Prometheus registry publishes the percentiles there as quantiles, not as separate meters).
     */
    private static String followerLag(GlimpseProcess app) throws Exception {
        PrometheusText metrics =
                new PrometheusText(app.api().get("/actuator/prometheus").body());
        StringBuilder lag = new StringBuilder();
        for (String quantile : List.of("0.5", "0.95", "0.99")) {
            double seconds = metrics.value("glimpse_index_follower_lag_seconds", "quantile=" + quantile);
            lag.append("p")
                    .append(Math.round(Double.parseDouble(quantile) * 100))
                    .append('=');
            lag.append(Double.isNaN(seconds) ? "?" : Math.round(seconds * 1000) + " ms")
                    .append(' ');
        }
        double max = metrics.value("glimpse_index_follower_lag_seconds_max");
        double count = metrics.value("glimpse_index_follower_lag_seconds_count");
        return lag.append("max=")
                .append(Double.isNaN(max) ? "?" : Math.round(max * 1000) + " ms")
                .append(" over ")
                .append(Double.isNaN(count) ? "?" : Long.toString((long) count))
                .append(" changes")
                .toString();
    }

    private void report(String what) {
        List<Long> sorted = lags.stream().sorted().toList();
        System.out.printf(
                "Lag, %s: n=%d p50=%d ms p95=%d ms max=%d ms %s%n",
                what,
                sorted.size(),
                sorted.get((sorted.size() - 1) / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast(),
                sorted);
        lags.clear();
    }

    private int terminateListeners() throws SQLException {
        return (int) query(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = 'LISTEN image_change'",
                        rs -> rs.getLong(1))
                .getFirst()
                .longValue();
    }

    private List<String> claimedBy(String instance) throws SQLException {
        return query(
                "SELECT id FROM image WHERE status = 'CAPTIONING' AND claimed_by = '" + instance + "'",
                rs -> rs.getString(1));
    }

    private long count(String where) throws SQLException {
        return query("SELECT count(*) FROM image WHERE " + where, rs -> rs.getLong(1))
                .getFirst();
    }

    private long head() throws SQLException {
        return query("SELECT coalesce(max(seq), 0) FROM image_change", rs -> rs.getLong(1))
                .getFirst();
    }

    private long countAfter(long seq) throws SQLException {
        return query("SELECT count(*) FROM image_change WHERE seq > " + seq, rs -> rs.getLong(1))
                .getFirst();
    }

    private Set<String> readyIds() throws SQLException {
        return new HashSet<>(query("SELECT id FROM image WHERE status = 'READY'", rs -> rs.getString(1)));
    }

    private String caption(String id) throws SQLException {
        return one("SELECT caption FROM image WHERE id = '" + id + "'");
    }

    private String status(String id) throws SQLException {
        return one("SELECT status FROM image WHERE id = '" + id + "'");
    }

    private long version(String id) throws SQLException {
        return Long.parseLong(one("SELECT version FROM image WHERE id = '" + id + "'"));
    }

    private String one(String sql) throws SQLException {
        List<String> values = query(sql, rs -> rs.getString(1));
        return values.isEmpty() ? null : values.getFirst();
    }

    private <T> List<T> query(String sql, Column<T> column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rs.next()) {
                values.add(column.read(rs));
            }
            return values;
        }
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
