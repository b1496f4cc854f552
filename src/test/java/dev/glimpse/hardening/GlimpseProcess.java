package dev.glimpse.hardening;

import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glimpse started as a separate JVM ({@code GlimpseApplication} on the test class path, test profile) with its data
 * under one folder that survives restarts: embedded PostgreSQL, blobs and index. It can be killed with SIGKILL like a
 * crashed server, with or without its PostgreSQL server, and started again on the same data.
 */
final class GlimpseProcess implements AutoCloseable {

    private static final Pattern POSTGRES_PORT = Pattern.compile("Started embedded PostgreSQL on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final List<String> extraArguments;
    private Path blobs;
    private boolean externalDatabase;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final GlimpseHttp api = new GlimpseHttp(() -> this.port, http);
    private List<String> heapOptions = List.of("-Xmx1536m");
    private Process process;
    private int port;
    private int postgresPort;
    private int starts;
    private boolean keepPort;

    GlimpseProcess(Path root, List<String> extraArguments) {
        this.root = root;
        this.extraArguments = extraArguments;
        this.blobs = root.resolve("blobs");
    }

    /** Runs on a database given by JDBC URL (no embedded PostgreSQL of its own) and a blob folder shared with others. */
    GlimpseProcess sharing(String jdbcUrl, Path sharedBlobs) {
        this.externalDatabase = true;
        this.blobs = sharedBlobs;
        this.extraArguments.add("--spring.datasource.url=" + jdbcUrl);
        this.extraArguments.add("--spring.datasource.username=postgres");
        return this;
    }

    Path blobs() {
        return blobs;
    }

    /** Listens on the same port after a restart, as a server behind a fixed address does (pages stay pointed at it). */
    GlimpseProcess keepingItsPort() {
        this.keepPort = true;
        return this;
    }

    /** Starts with these heap options instead of {@code -Xmx1536m} (e.g. a small heap that must not run out). */
    GlimpseProcess heap(String... options) {
        this.heapOptions = List.of(options);
        return this;
    }

    /** The log of the latest start. */
    String log() throws IOException {
        return Files.readString(root.resolve("app-" + starts + ".log"));
    }

    Path index() {
        return root.resolve("index");
    }

    Path postgresData() {
        return root.resolve("postgres");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The API of the running app (the port changes with each start). */
    GlimpseHttp api() {
        return api;
    }

    /** Starts the app and returns once it answers HTTP; the time it took. */
    Duration start() throws Exception {
        long begin = System.nanoTime();
        if (!keepPort || port == 0) {
            port = freePort();
        }
        Files.createDirectories(root);
        Path log = root.resolve("app-" + (++starts) + ".log");
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(heapOptions);
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-Dglimpse.fixtures=" + Fixtures.root(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.glimpse.GlimpseApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--glimpse.database.embedded.data-directory=" + postgresData(),
                "--glimpse.database.embedded.clean=false",
                "--glimpse.storage.local.root=" + blobs(),
                "--glimpse.index.directory=" + index()));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Process started = process;
        await("Glimpse answering HTTP (see " + log + ")")
                .atMost(START_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("Glimpse exited with " + started.exitValue() + "; see " + log);
                    }
                    return answers();
                });
        if (!externalDatabase) {
            postgresPort = postgresPortIn(log);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * Kills the JVM with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux) and, for a simulated power
     * loss, its PostgreSQL server too. Returns the JVM's exit status (137 = 128 + SIGKILL).
     */
    int kill(boolean postgresToo) throws Exception {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        int status = process.waitFor();
        if (postgresToo) {
            children.forEach(ProcessHandle::destroyForcibly);
            postmaster.ifPresent(server -> {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
                server.onExit().join();
            });
        }
        return status;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
    }

    /** Stops the app cleanly (SIGTERM), then makes sure no PostgreSQL server is left on the data folder. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            Optional<ProcessHandle> postmaster = postmaster();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            postmaster.ifPresent(server -> {
                server.destroy();
                server.onExit().join();
            });
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The PostgreSQL server running on the data folder, from its {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = postgresData().resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(uri("/api/images?size=1"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int postgresPortIn(Path log) throws IOException {
        Matcher matcher = POSTGRES_PORT.matcher(Files.readString(log));
        int found = -1;
        while (matcher.find()) {
            found = Integer.parseInt(matcher.group(1));
        }
        if (found < 0) {
            throw new IllegalStateException("No embedded PostgreSQL port in " + log);
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
