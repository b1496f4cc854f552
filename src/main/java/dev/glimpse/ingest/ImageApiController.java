package dev.glimpse.ingest;

import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.PhotoFacts;
import dev.glimpse.serving.BusyException;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API for scripts and bulk import, with the same rules as the page: {@code POST /api/images} (multipart,
 * field {@code files}, one or many) answers per file; list, read, delete and re-caption by id; {@code PATCH} a caption
 * a person wrote; the images most like one. Errors are RFC 9457 problems.
 */
@RestController
// JSON only, checked before a handler runs: an upload sent with "Accept: image/png" is refused (406) before anything
// is stored, not stored and then answered 406
@RequestMapping(path = "/api/images", produces = MediaType.APPLICATION_JSON_VALUE)
class ImageApiController {

    private final IngestService ingest;
    private final ImageQueries images;
    private final ImageCommands commands;

    ImageApiController(IngestService ingest, ImageQueries images, ImageCommands commands) {
        this.ingest = ingest;
        this.images = images;
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, List<ApiUpload>>> upload(@RequestParam("files") List<MultipartFile> files)
            throws IOException {
        if (files.size() > ingest.limits().maxFilesPerUpload()) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "Too many files",
                    "Send at most " + ingest.limits().maxFilesPerUpload() + " files per request; nothing was stored.");
        }
        List<IngestOutcome> outcomes = new java.util.ArrayList<>();
        for (MultipartFile file : files) {
            // the part is on disk already (multipart threshold 0); it is copied there again, never whole onto the heap
            outcomes.add(ingest.ingest(file.getOriginalFilename(), file.getInputStream()));
        }
        return UploadAnswers.answer(outcomes)
                .body(Map.of("files", outcomes.stream().map(ApiUpload::of).toList()));
    }

    @GetMapping
    ApiPage list(
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad paging", "page must be ≥ 0 and size between 1 and 200.");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "Bad paging",
                    "page × size must be at most " + Integer.MAX_VALUE + " (with size " + size + ", page at most "
                            + Integer.MAX_VALUE / size + ").");
        }
        var found = images.library(page, size);
        return new ApiPage(
                found.getNumber(),
                found.getSize(),
                found.getTotalElements(),
                found.map(ApiImage::of).getContent());
    }

    @GetMapping("/{id}")
    ApiImage get(@PathVariable UUID id) {
        return images.find(id).map(ApiImage::of).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!commands.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/recaption")
    ResponseEntity<ApiImage> recaption(
            @PathVariable UUID id, @RequestParam(name = "replace", defaultValue = "false") boolean replace) {
        ApiImage image = get(id);
        if (image.captionByPerson() && !replace) {
            throw problem(
                    HttpStatus.CONFLICT,
                    "Caption written by a person",
                    "A person wrote the caption of image " + id + "; send replace=true to replace it.");
        }
        if (!commands.recaption(id, replace)) {
            throw problem(HttpStatus.CONFLICT, "Busy", "Image " + id + " is waiting for or being captioned already.");
        }
        return ResponseEntity.accepted().body(image);
    }

    /** Replaces the caption with one a person wrote: {@code {"caption": "…"}}; answers the image as it is now. */
    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiImage editCaption(@PathVariable UUID id, @RequestBody CaptionEdit edit) {
        get(id);
        try {
            return ApiImage.of(commands.editCaption(id, edit == null ? null : edit.caption())
                    .join());
        } catch (CompletionException e) {
            throw switch (e.getCause()) {
                case IllegalArgumentException bad -> problem(HttpStatus.BAD_REQUEST, "Bad caption", bad.getMessage());
                case NoSuchElementException gone -> notFound(id);
                case BusyException busy ->
                    problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "The embedding model is busy; try again shortly.");
                default -> e;
            };
        }
    }

    /** The images whose captions mean the most alike, nearest first, with their similarity (-1..1). */
    @GetMapping("/{id}/similar")
    ApiSimilar similar(@PathVariable UUID id, @RequestParam(name = "k", defaultValue = "8") int k) {
        if (k < 1 || k > 100) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad k", "k must be between 1 and 100.");
        }
        get(id);
        List<ApiSimilar.Entry> found = images.similar(id, k).join().stream()
                .map(similar -> new ApiSimilar.Entry(ApiImage.of(similar.image()), similar.similarity()))
                .toList();
        return new ApiSimilar(id, found);
    }

    /** The body of a caption edit. */
    record CaptionEdit(String caption) {}

    /** The images like one image, nearest first. */
    record ApiSimilar(UUID id, List<Entry> similar) {
        record Entry(ApiImage image, double similarity) {}
    }

    private static ErrorResponseException notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, "No such image", "There is no image " + id + ".");
    }

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** One file's fate: stored (new id), duplicate (existing id), refused or unavailable (reason). */
    record ApiUpload(String fileName, String status, UUID id, String imageStatus, String message) {
        static ApiUpload of(IngestOutcome outcome) {
            return switch (outcome) {
                case IngestOutcome.Stored s ->
                    new ApiUpload(
                            s.fileName(),
                            "stored",
                            s.image().id(),
                            s.image().status().name(),
                            s.message());
                case IngestOutcome.Duplicate d ->
                    new ApiUpload(
                            d.fileName(),
                            "duplicate",
                            d.existing().id(),
                            d.existing().status().name(),
                            d.message());
                case IngestOutcome.Refused r -> new ApiUpload(r.fileName(), "refused", null, null, r.message());
                case IngestOutcome.Unavailable u -> new ApiUpload(u.fileName(), "unavailable", null, null, u.message());
            };
        }
    }

    /** An image as the API shows it. */
    record ApiImage(
            UUID id,
            String fileName,
            String mimeType,
            int width,
            int height,
            long byteSize,
            String status,
            String caption,
            String failureReason,
            String captionModel,
            String embeddingModel,
            boolean captionByPerson,
            String createdAt,
            String contentUrl,
            String thumbnailUrl,
            String takenAt,
            boolean takenAtEstimated,
            ApiPlace place,
            String camera,
            String sourcePath) {
        static ApiImage of(ImageSummary image) {
            PhotoFacts facts = image.facts();
            return new ApiImage(
                    image.id(),
                    image.fileName(),
                    image.mimeType(),
                    image.width(),
                    image.height(),
                    image.byteSize(),
                    image.status().name(),
                    image.caption(),
                    image.failureReason(),
                    image.captionModelName(),
                    image.embeddingModelName(),
                    image.captionByPerson(),
                    image.createdAt().toString(),
                    image.contentUrl(),
                    image.thumbnailUrl(),
                    takenAt(facts),
                    facts.source() == PhotoFacts.TakenAtSource.UPLOAD,
                    facts.city() == null && facts.country() == null
                            ? null
                            : new ApiPlace(facts.city(), facts.region(), facts.country()),
                    facts.camera(),
                    image.sourcePath());
        }

        /** ISO 8601: with the UTC offset when the photo recorded one, else the camera's local time. */
        private static String takenAt(PhotoFacts facts) {
            if (facts.takenAt() == null) {
                return null;
            }
            return facts.offset() == null
                    ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(facts.takenAt())
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            facts.takenAt().atOffset(facts.offset()));
        }
    }

    /** Where a photo was taken: the nearest town or city, its region and country (GeoNames), never coordinates. */
    record ApiPlace(String city, String region, String country) {}

    /** One page of the library, latest taken first. */
    record ApiPage(int page, int size, long total, List<ApiImage> images) {}
}
