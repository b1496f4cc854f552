package dev.glimpse.base;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server another live process runs on a data folder, found through its {@code postmaster.pid} (first
 * line the server's process id, fourth its port), for a process that joins it as one more client instead of starting
 * its own.
 */
final class RunningPostmaster {

    private RunningPostmaster() {}

    /** The port of the server running on the folder, waiting up to {@code patience} for it to accept connections. */
    static int awaitPort(Path dataDirectory, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Optional<Integer> port = port(dataDirectory).filter(RunningPostmaster::accepts);
            if (port.isPresent()) {
                return port.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Another process owns the database in " + dataDirectory
                        + " but no PostgreSQL server answered there within " + patience.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    static Optional<Integer> port(Path dataDirectory) {
        try {
            List<String> lines =
                    Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.ISO_8859_1);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
