package dev.glimpse.ml.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A local HTTP server that serves model folders the way the Hugging Face hub does: {@code /{repo}/resolve/main/{file}};
 * small files answer 200 with {@code ETag} = git blob sha1; weights (LFS) answer 302 to a CDN path with
 * {@code X-Linked-Etag} = sha256 and {@code X-Linked-Size}, and the CDN honours {@code Range}. Faults can be injected:
 * cut a transfer halfway once, send wrong bytes for a file, or ignore range requests.
 */
final class LocalHubServer implements AutoCloseable {

    record Request(String method, String path, String range) {}

    private final HttpServer server;
    private final Map<String, Path> repos = new ConcurrentHashMap<>();
    private final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final Set<String> stallOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> unavailableOnce = ConcurrentHashMap.newKeySet();
    private volatile boolean ignoreRange;
    private final CountDownLatch closed = new CountDownLatch(1);
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalHubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    LocalHubServer serve(String repo, Path folder) {
        repos.put(repo, folder);
        return this;
    }

    /** The first GET of this file sends all headers but only half of the bytes, then drops the connection. */
    void cutFirstTransferOf(String file) {
        cutOnce.add(file);
    }

    /**
     * The first GET of this file sends half of the bytes, then stays silent until the server is closed: only the client
     * can end that transfer, by giving up on it.
     */
    void stallFirstTransferOf(String file) {
        stallOnce.add(file);
    }

    /** The first GET of this file's content answers 503 Service Unavailable. */
    void failFirstTransferOf(String file) {
        unavailableOnce.add(file);
    }

    /** Sends this file with every byte inverted, while advertising the hash of the real file. */
    void corrupt(String file) {
        corrupted.add(file);
    }

    void ignoreRangeRequests() {
        ignoreRange = true;
    }

    List<Request> requestsFor(String file) {
        return requests.stream().filter(r -> r.path().endsWith("/" + file)).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestHeaders().getFirst("Range")));
            if (path.startsWith("/cdn/")) {
                serveContent(exchange, path.substring("/cdn/".length()));
                return;
            }
            Path file = locate(path);
            if (file == null) {
                exchange.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = path.substring(path.indexOf("/resolve/main/") + "/resolve/main/".length());
            byte[] bytes = Files.readAllBytes(file);
            if (isLfs(name)) {
                var headers = exchange.getResponseHeaders();
                headers.add("X-Linked-Etag", "\"" + hex("SHA-256", bytes) + "\"");
                headers.add("X-Linked-Size", Long.toString(bytes.length));
                headers.add("ETag", "\"" + gitSha1("pointer of " + name) + "\"");
                headers.add("Location", baseUrl() + "/cdn/" + path.substring(1));
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"" + gitSha1(bytes) + "\"");
                sendBody(exchange, name, bytes, 0, 200);
            }
        } catch (RuntimeException | IOException e) {
            // a cut transfer ends here; the client sees a closed connection
        }
    }

    private void serveContent(HttpExchange exchange, String repoPath) throws IOException {
        Path file = locate("/" + repoPath);
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String name = repoPath.substring(repoPath.indexOf("/resolve/main/") + "/resolve/main/".length());
        byte[] bytes = Files.readAllBytes(file);
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && !ignoreRange && range.startsWith("bytes=") && range.endsWith("-")) {
            int start = Integer.parseInt(range.substring(6, range.length() - 1));
            exchange.getResponseHeaders()
                    .add("Content-Range", "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
            sendBody(exchange, name, bytes, start, 206);
        } else {
            sendBody(exchange, name, bytes, 0, 200);
        }
    }

    private void sendBody(HttpExchange exchange, String name, byte[] bytes, int start, int status) throws IOException {
        byte[] content = bytes.clone();
        if (corrupted.contains(name)) {
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) ~content[i];
            }
        }
        int length = content.length - start;
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        if (unavailableOnce.remove(name)) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length);
        OutputStream out = exchange.getResponseBody();
        if (stallOnce.remove(name)) {
            out.write(content, start, length / 2);
            out.flush();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled the transfer of " + name);
        }
        if (cutOnce.remove(name)) {
            out.write(content, start, length / 2);
            out.flush();
            throw new IOException("cutting the transfer of " + name + " halfway");
        }
        out.write(content, start, length);
    }

    private Path locate(String path) {
        int resolve = path.indexOf("/resolve/main/");
        if (resolve < 0) {
            return null;
        }
        Path folder = repos.get(path.substring(1, resolve));
        if (folder == null) {
            return null;
        }
        String name = path.substring(resolve + "/resolve/main/".length());
        Path file = folder.resolve(name).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? file : null;
    }

    private static boolean isLfs(String name) {
        return name.endsWith(".safetensors") || name.endsWith(".bin");
    }

    private static String gitSha1(String text) {
        return gitSha1(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String gitSha1(byte[] bytes) {
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return hex("SHA-1", all);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
