package dev.glimpse.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.glimpse.testsupport.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A random-image service on 127.0.0.1 for tests: {@code /random} redirects (twice) to a new PNG each time, like
 * picsum does; {@code /slow} never answers in time, {@code /html} answers a web page, {@code /huge} streams 20 MB
 * without a length, {@code /loop} redirects to itself, {@code /file} redirects to a file: URL.
 */
final class ImageServer implements AutoCloseable {

    static final long HUGE_BYTES = 20L * 1024 * 1024;

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final AtomicInteger hugeResponsesEnded = new AtomicInteger();
    private volatile long imageDelayMillis;

    ImageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/random", exchange -> redirect(exchange, "/hop/" + served.incrementAndGet()));
        server.createContext("/hop/", exchange -> redirect(exchange, "/image/" + lastSegment(exchange) + ".png"));
        server.createContext("/image/", this::image);
        server.createContext("/slow", ImageServer::slow);
        server.createContext("/html", ImageServer::html);
        server.createContext("/huge", this::huge);
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many images /random has handed out. */
    int served() {
        return served.get();
    }

    long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    /** How many {@code /huge} responses have ended: sent in full, or cut off by the client. */
    int hugeResponsesEnded() {
        return hugeResponsesEnded.get();
    }

    private void image(HttpExchange exchange) throws IOException {
        long seed = Long.parseLong(lastSegment(exchange).replace(".png", ""));
        pause(imageDelayMillis);
        send(exchange, "image/png", TestImages.png(64, 64, seed));
    }

    /** Makes every image answer this much later (the browser test wants to see the skeletons). */
    ImageServer delayImages(long millis) {
        this.imageDelayMillis = millis;
        return this;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void slow(HttpExchange exchange) throws IOException {
        pause(10_000);
        send(exchange, "image/png", TestImages.png(8, 8, 1));
    }

    private static void html(HttpExchange exchange) throws IOException {
        send(
                exchange,
                "image/png",
                "<!doctype html><html><body>Not an image</body></html>".getBytes(StandardCharsets.UTF_8));
    }

    private void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, 0); // chunked: no length announced
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream body = exchange.getResponseBody()) {
            for (long sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                body.write(chunk);
                hugeBytesSent.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the client hung up, as it should
        } finally {
            hugeResponsesEnded.incrementAndGet();
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        } catch (IOException e) {
            // the client gave up
        }
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
