package dev.glimpse.ml.hub;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file's transfer: bytes go to {@code <file>.part}; an interrupted transfer is resumed with a {@code Range}
 * request (a server that ignores it and answers 200 restarts the file); the finished file is checked against the
 * size and hash the hub advertised and only then atomically renamed into place. A file that fails the check is
 * deleted.
 */
final class FileDownload {

    private static final Logger log = LoggerFactory.getLogger(FileDownload.class);
    static final int MAX_ATTEMPTS = 4;

    private final HttpClient http;
    private final RemoteFile remote;
    private final Path target;
    private final Path part;
    private final String label;
    private final Duration stallTimeout;
    private final Counter downloadedBytes;

    FileDownload(
            HttpClient http,
            RemoteFile remote,
            Path target,
            String label,
            Duration stallTimeout,
            Counter downloadedBytes) {
        this.http = http;
        this.downloadedBytes = downloadedBytes;
        this.stallTimeout = stallTimeout;
        this.remote = remote;
        this.target = target;
        this.part = partFile(target);
        this.label = label;
    }

    static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    void run() {
        try {
            Files.createDirectories(target.getParent());
            boolean resumesEarlierRun = Files.exists(part) && Files.size(part) > 0;
            transferWithRetries();
            try {
                DownloadCheck.verify(part, remote, label);
            } catch (HubException e) {
                if (!resumesEarlierRun) {
                    throw e;
                }
                log.warn(
                        "{}; the partial file came from an earlier run, downloading it again from the start",
                        e.getMessage());
                transferWithRetries();
                DownloadCheck.verify(part, remote, label);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new HubException("Cannot write " + target + ": " + e, e);
        }
    }

    private void transferWithRetries() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                transfer();
                return;
            } catch (IOException e) {
                long have = Files.exists(part) ? Files.size(part) : 0;
                if (attempt == MAX_ATTEMPTS) {
                    throw new HubException(
                            HubFailures.classify(e),
                            "Download of " + label + " from " + remote.url() + " failed " + attempt
                                    + " times (last: " + e + "); " + have + " bytes are kept in " + part
                                    + " and the next attempt resumes from there",
                            e);
                }
                log.warn("Download of {} interrupted at {} ({}); resuming", label, megabytes(have), e.toString());
                pause(attempt);
            }
        }
    }

    private void transfer() throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (remote.sizeKnown() && have > remote.size()) {
            Files.delete(part);
            have = 0;
        }
        if (remote.sizeKnown() && have == remote.size() && have > 0) {
            return;
        }
        HttpResponse<InputStream> response = send(have);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 206 && have > 0 && rangeStart(response) == have) {
                copy(body, have, StandardOpenOption.APPEND);
            } else if (status == 200) {
                copy(body, 0, StandardOpenOption.TRUNCATE_EXISTING);
            } else if (status >= 500 || status == 429) {
                throw new IOException("the server answered HTTP " + status);
            } else if (status == 416 && have > 0) {
                Files.delete(part);
                throw new IOException("server refused to resume at byte " + have + " (HTTP 416); restarting");
            } else {
                throw new HubException(
                        status == 404 ? HubException.Kind.NOT_FOUND : HubException.Kind.REFUSED,
                        "Cannot download " + label + " from " + remote.url() + ": HTTP " + status
                                + (status == 206 ? " with an unexpected Content-Range" : ""));
            }
        }
    }

    private HttpResponse<InputStream> send(long offset) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(remote.url())
                .header("User-Agent", HubClient.USER_AGENT)
                .header("Accept-Encoding", "identity")
                .timeout(Duration.ofSeconds(60));
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while downloading " + label, e);
        }
    }

    private void copy(InputStream body, long offset, StandardOpenOption mode) throws IOException {
        DownloadProgress progress = new DownloadProgress(label, remote.size(), offset);
        long written = offset;
        byte[] buffer = new byte[1 << 16];
        try (StallWatchdog watchdog = new StallWatchdog(body, stallTimeout);
                OutputStream out =
                        Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            try {
                for (int n; (n = body.read(buffer)) != -1; ) {
                    watchdog.progressed();
                    out.write(buffer, 0, n);
                    downloadedBytes.increment(n);
                    written += n;
                    checkNotTooLong(written, out);
                    progress.update(written);
                }
            } catch (IOException e) {
                watchdog.checkNotStalled();
                throw e;
            }
            watchdog.checkNotStalled();
        }
        if (remote.sizeKnown() && written < remote.size()) {
            throw new IOException("connection closed after " + written + " of " + remote.size() + " bytes");
        }
        progress.done(written);
    }

    private void checkNotTooLong(long written, OutputStream out) throws IOException {
        if (remote.sizeKnown() && written > remote.size()) {
            out.close();
            Files.deleteIfExists(part);
            throw new HubException(
                    HubException.Kind.CHECKSUM_MISMATCH,
                    label + " is corrupt: the server sent more than the advertised " + remote.size()
                            + " bytes; the partial file was deleted");
        }
    }

    private static long rangeStart(HttpResponse<?> response) {
        // Content-Range: bytes <start>-<end>/<total>
        String range = response.headers().firstValue("Content-Range").orElse("");
        try {
            return Long.parseLong(range.substring(range.indexOf(' ') + 1, range.indexOf('-')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while waiting to resume a download", e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
