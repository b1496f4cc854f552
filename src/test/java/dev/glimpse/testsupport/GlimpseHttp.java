package dev.glimpse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's HTTP API as a test calls it on {@code http://localhost:port}: requests with the same sign-in
 * (none, a bearer token, or a session kept in cookies) and answers read as text, bytes or JSON. Built from a port, or
 * from a supplier of one where the port is known only later ({@code new GlimpseHttp(() -> port)} for a field that
 * Spring injects after the test instance is made, or a process that takes a new port each time it starts).
 */
public final class GlimpseHttp {

    /** Where {@code POST} sends images. */
    public static final String IMAGES = "/api/images";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntSupplier port;
    private final HttpClient client;
    private final @Nullable String authorization;

    public GlimpseHttp(int port) {
        this(() -> port);
    }

    public GlimpseHttp(IntSupplier port) {
        this(port, HttpClient.newHttpClient());
    }

    /** Requests through the client given (one with a connect time-out, say). */
    public GlimpseHttp(IntSupplier port, HttpClient client) {
        this(port, client, null);
    }

    private GlimpseHttp(IntSupplier port, HttpClient client, @Nullable String authorization) {
        this.port = port;
        this.client = client;
        this.authorization = authorization;
    }

    /** The same API, every request carrying {@code Authorization: Bearer token}. */
    public GlimpseHttp withToken(String token) {
        return new GlimpseHttp(port, client, "Bearer " + token);
    }

    /** The same API from a client of its own that keeps cookies, as a browser does (a session after sign-in). */
    public GlimpseHttp withCookies() {
        return new GlimpseHttp(
                port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), authorization);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port.getAsInt() + path);
    }

    /** A request to {@code path} with this API's sign-in, for a test to finish (method, headers, body). */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body of {@code GET path} as JSON, whatever the status. */
    public JsonNode json(String path) {
        return json(get(path));
    }

    /** The body of {@code GET path} as bytes; fails unless it is served (200). */
    public byte[] bytes(String path) {
        HttpResponse<byte[]> response = getBytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The bytes of an image's stored original; fails unless it is served (200). */
    public byte[] content(String id) {
        return bytes(IMAGES + "/" + id + "/content");
    }

    public HttpResponse<String> post(String path, Multipart body) {
        return send(body.post(request(path)));
    }

    /** {@code POST} without a body. */
    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code POST} of the bytes as they are, under the Content-Type given (which may well lie about them). */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public HttpResponse<String> patchJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** {@code GET /api/search?q=text}, the text URL-encoded. */
    public HttpResponse<String> search(String text) {
        return get("/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** {@code POST /api/search/voice} plus {@code query} ("" or "?…"), the recording sent as a browser sends it. */
    public HttpResponse<String> voiceSearch(String query, String fileName, byte[] audio) {
        return post("/api/search/voice" + query, new Multipart().file("audio", fileName, "audio/webm", audio));
    }

    /** {@code POST /api/images} with the files (and fields) of the body. */
    public HttpResponse<String> upload(Multipart body) {
        return post(IMAGES, body);
    }

    /** {@code POST /api/images} with one file in the {@code files} field. */
    public HttpResponse<String> upload(String name, byte[] bytes) {
        return upload(new Multipart().file("files", name, bytes));
    }

    /** What {@code POST /api/images} answered for the first file of the request ({@code status}, {@code id}…). */
    public static JsonNode firstFile(HttpResponse<String> uploaded) {
        return json(uploaded).get("files").get(0);
    }

    /** Uploads one file and answers its id; fails unless it was stored or found to be a duplicate. */
    public String uploadOne(String name, byte[] bytes) {
        HttpResponse<String> response = upload(name, bytes);
        JsonNode file = firstFile(response);
        assertThat(file.get("status").asString()).as(response.body()).isIn("stored", "duplicate");
        return file.get("id").asString();
    }

    /** Waits until {@code GET /api/images/id} says the status, and answers that image. */
    public JsonNode awaitImage(String id, String status, Duration patience) {
        String path = IMAGES + "/" + id;
        await().atMost(patience)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> json(path).get("status").asString().equals(status));
        return json(path);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
