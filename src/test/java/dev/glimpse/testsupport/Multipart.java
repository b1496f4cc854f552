package dev.glimpse.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data request body built by hand, as a browser or curl sends it. */
public final class Multipart {

    private final String boundary = "glimpse-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart file(String field, String fileName, byte[] bytes) {
        return file(field, fileName, "application/octet-stream", bytes);
    }

    /** A file part that says its type, as a browser says {@code audio/webm} for a recording. */
    public Multipart file(String field, String fileName, String contentType, byte[] bytes) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n");
        write("Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(bytes);
        write("\r\n");
        return this;
    }

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public HttpRequest post(URI uri) {
        return post(HttpRequest.newBuilder(uri));
    }

    /** Finishes the body and sends it with the request (its address and any headers already set). */
    public HttpRequest post(HttpRequest.Builder request) {
        write("--" + boundary + "--\r\n");
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
