package dev.glimpse.library;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored images and thumbnails at stable URLs. Content never changes for an id, so responses are cacheable for a
 * long time and carry an entity tag; the type is the one detected at upload, never sniffed by the browser.
 */
@RestController
class ImageContentController {

    private static final String BASE = "/api/images/";

    private final ImageQueries service;

    ImageContentController(ImageQueries service) {
        this.service = service;
    }

    static String contentPath(UUID id) {
        return BASE + id + "/content";
    }

    static String displayPath(UUID id) {
        return BASE + id + "/display";
    }

    static String thumbnailPath(UUID id) {
        return BASE + id + "/thumbnail";
    }

    @GetMapping(BASE + "{id}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return service.content(id)
                .map(ImageContentController::serve)
                .orElse(ResponseEntity.notFound().build());
    }

    /** What the viewer shows: the original, or a JPEG made from a HEIC or AVIF original. */
    @GetMapping(BASE + "{id}/display")
    ResponseEntity<byte[]> display(@PathVariable UUID id) {
        return service.display(id)
                .map(ImageContentController::serve)
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping(BASE + "{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        return service.thumbnail(id)
                .map(ImageContentController::serve)
                .orElse(ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> serve(StoredBytes stored) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .eTag("\"" + stored.etag() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .body(stored.bytes());
    }
}
