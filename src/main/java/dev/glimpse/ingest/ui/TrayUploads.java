package dev.glimpse.ingest.ui;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadResult;
import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.ratelimit.RateLimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the tray's files, one per request, through Vaadin's upload handling (the page's session and its security
 * key, no separate CSRF token), and answers on the same request with the row to show: JSON {@code {"row": {…},
 * "version": n}}. A refusal by the rate limit is answered 429 with {@code Retry-After}, and the browser keeps the file
 * and sends it again then.
 */
final class TrayUploads implements UploadHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestService ingest;
    private final ImageQueries images;
    private final RateLimiter rateLimiter;
    private final UploadTray tray;

    TrayUploads(IngestService ingest, ImageQueries images, RateLimiter rateLimiter, UploadTray tray) {
        this.ingest = ingest;
        this.images = images;
        this.rateLimiter = rateLimiter;
        this.tray = tray;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        RateLimiter.Decision decision = rateLimiter.acquire(RateLimiter.Action.UPLOAD);
        if (!decision.allowed()) {
            event.getInputStream().close();
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            write(response, 429, Map.of("retryAfter", decision.retryAfterSeconds(), "reason", decision.reason()));
            return;
        }
        IngestOutcome outcome = ingest.ingest(event.getFileName(), event.getInputStream());
        UUID id = imageId(outcome);
        long version = id == null ? 0 : tray.watch(id);
        // the pipeline may have moved the image on already: the row starts from the image as it is now
        @Nullable ImageSummary now = id == null ? null : images.find(id).orElse(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("row", UploadRowText.of(outcome, now));
        answer.put("version", version);
        write(response, 200, answer);
    }

    /** Files keep arriving while a dialog (such as "Delete 3 images?") makes the rest of the page inert. */
    @Override
    public boolean isAllowInert() {
        return true;
    }

    @Override
    public void responseHandled(UploadResult result) {
        // the answer was written by handleUploadRequest; only a failure before that is answered here
        if (!result.success()) {
            result.response().setStatus(500);
        }
    }

    private static @Nullable UUID imageId(IngestOutcome outcome) {
        return switch (outcome) {
            case IngestOutcome.Stored stored -> stored.image().id();
            case IngestOutcome.Duplicate duplicate -> duplicate.existing().id();
            default -> null;
        };
    }

    private static void write(VaadinResponse response, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            out.write(json);
        }
    }
}
