package dev.glimpse.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL after Glimpse was killed: the server it started may still run on the data
 * folder (an orphan of the killed JVM, which would make the next start fail), or its {@code postmaster.pid} may
 * name a process that no longer exists. An orphan server is asked to stop (SIGTERM, a clean shutdown) and killed only
 * if it does not; a pid file naming a dead or unrelated process is removed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server = (pid.get() > 0 ? ProcessHandle.of(pid.get()) : Optional.<ProcessHandle>empty())
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (server.isPresent()) {
            stop(server.get());
        } else {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle server) {
        log.warn("Stopping PostgreSQL server {} left running on the data folder by a previous run", server.pid());
        server.destroy();
        try {
            server.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL server {} did not stop in {}; killing it", server.pid(), PATIENCE);
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.contains("postgres"))
                .orElse(true);
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1);
        try {
            return lines.isEmpty()
                    ? Optional.of(-1L)
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }
}
