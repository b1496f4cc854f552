package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.LibraryDownloads;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API for what a person does to one image: {@code PATCH /api/images/{id}} writes the caption (re-embedded
 * and re-indexed: a search for its words finds it first), a later re-caption asks before replacing it, {@code GET
 * /api/images/{id}/similar} lists the nearest captions first; and a deletion made with undo hides the image until
 * it is restored, or purges it once the undo has run out.
 */
@GlimpseTest
class ImageEditsApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageQueries imageService;

    @Autowired
    ImageCommands edits;

    @Autowired
    ImageIndex index;

    @Autowired
    ImageRepository images;

    @Autowired
    LibraryDownloads downloads;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void aPatchedCaptionIsSavedReindexedAndFoundFirstByItsOwnWord() throws Exception {
        UUID id = ready("patched.png", 7101);

        HttpResponse<String> response = patch(id, "{\"caption\":\"an orange hovercraft crossing a frozen bay\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode image = GlimpseHttp.json(response);
        assertThat(image.get("caption").asString()).isEqualTo("an orange hovercraft crossing a frozen bay");
        assertThat(image.get("captionByPerson").asBoolean()).isTrue();
        assertThat(image.get("status").asString()).isEqualTo("READY");
        await().atMost(PATIENCE).until(() -> index.caption(id).orElse("").contains("hovercraft"));
        JsonNode found = get("/api/search?q=" + URLEncoder.encode("hovercraft", StandardCharsets.UTF_8));
        assertThat(found.get("results").get(0).get("id").asString()).isEqualTo(id.toString());
    }

    @Test
    void aBadCaptionIsRefusedAndAnUnknownImageIsNotFound() throws Exception {
        UUID id = ready("bad-caption.png", 7102);

        assertThat(patch(id, "{\"caption\":\"   \"}").statusCode()).isEqualTo(400);
        assertThat(patch(id, "{\"caption\":\"" + "x".repeat(501) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(patch(UUID.randomUUID(), "{\"caption\":\"a cat\"}").statusCode())
                .isEqualTo(404);
        assertThat(ingest.find(id).orElseThrow().captionByPerson()).isFalse();
    }

    @Test
    void aRecaptionAsksBeforeReplacingACaptionAPersonWrote() throws Exception {
        UUID id = ready("mine.png", 7103);
        patch(id, "{\"caption\":\"my grandmother's garden in june\"}");

        HttpResponse<String> refused = api.post("/api/images/" + id + "/recaption");
        HttpResponse<String> replaced = api.post("/api/images/" + id + "/recaption?replace=true");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(GlimpseHttp.json(refused).get("title").asString()).isEqualTo("Caption written by a person");
        assertThat(replaced.statusCode()).isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> ingest.find(id).orElseThrow().status() == ImageStatus.READY
                        && !ingest.find(id).orElseThrow().captionByPerson());
    }

    @Test
    void similarListsTheNearestCaptionsFirst() throws Exception {
        UUID dog = ready("dog-1.png", 7201);
        UUID puppy = ready("dog-2.png", 7202);
        UUID bridge = ready("bridge.png", 7203);
        patch(dog, "{\"caption\":\"a brown dog running on the beach\"}");
        patch(puppy, "{\"caption\":\"a small brown puppy playing in the sand by the sea\"}");
        patch(bridge, "{\"caption\":\"a steel bridge over a river at night\"}");
        await().atMost(PATIENCE).until(() -> index.caption(bridge).orElse("").contains("steel"));

        JsonNode similar = get("/api/images/" + dog + "/similar?k=50").get("similar");

        assertThat(similar.get(0).get("image").get("id").asString()).isEqualTo(puppy.toString());
        double previous = 2;
        int bridgeAt = -1;
        for (int i = 0; i < similar.size(); i++) {
            double similarity = similar.get(i).get("similarity").asDouble();
            assertThat(similarity).isLessThanOrEqualTo(previous);
            previous = similarity;
            assertThat(similar.get(i).get("image").get("id").asString()).isNotEqualTo(dog.toString());
            if (similar.get(i).get("image").get("id").asString().equals(bridge.toString())) {
                bridgeAt = i;
            }
        }
        assertThat(bridgeAt).isGreaterThan(0);
        assertThat(api.get("/api/images/" + dog + "/similar?k=0").statusCode()).isEqualTo(400);
    }

    @Test
    void aDeletionWithUndoHidesTheImageUntilRestoredAndIsPurgedOnceTheUndoRanOut() {
        UUID kept = ready("kept.png", 7301);
        UUID gone = ready("gone.png", 7302);

        assertThat(edits.deleteWithUndo(kept)).isTrue();
        assertThat(edits.deleteWithUndo(gone)).isTrue();
        assertThat(ingest.find(kept)).isEmpty();
        await().atMost(PATIENCE).until(() -> index.documentsFor(kept) == 0 && index.documentsFor(gone) == 0);

        assertThat(edits.undoDelete(kept)).isPresent();
        await().atMost(PATIENCE).until(() -> index.documentsFor(kept) == 1);
        assertThat(ingest.find(kept).orElseThrow().status()).isEqualTo(ImageStatus.READY);

        await().atMost(PATIENCE).until(() -> images.findById(gone).isEmpty());
        assertThat(edits.undoDelete(gone)).isEmpty();
        assertThat(ingest.find(kept)).isPresent();
    }

    @Test
    void aSelectionDownloadsAsOneZipOfTheOriginalsUnderTheirNames() throws Exception {
        UUID one = ((IngestOutcome.Stored) ingest.ingest("same.png", TestImages.png(40, 30, 7401)))
                .image()
                .id();
        UUID two = ((IngestOutcome.Stored) ingest.ingest("same.png", TestImages.png(40, 30, 7402)))
                .image()
                .id();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        int written = downloads.zip(java.util.List.of(one, two, UUID.randomUUID()), out);

        assertThat(written).isEqualTo(2);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("same.png", "same (2).png");
        assertThat(entries.get("same.png"))
                .isEqualTo(imageService.content(one).orElseThrow().bytes());
        assertThat(entries.get("same (2).png"))
                .isEqualTo(imageService.content(two).orElseThrow().bytes());
    }

    private UUID ready(String name, long seed) {
        UUID id = ((IngestOutcome.Stored) ingest.ingest(name, TestImages.png(200, 150, seed)))
                .image()
                .id();
        await().atMost(PATIENCE)
                .until(() ->
                        ingest.find(id).orElseThrow().status() == ImageStatus.READY && index.documentsFor(id) == 1);
        return id;
    }

    private HttpResponse<String> patch(UUID id, String body) {
        return api.patchJson("/api/images/" + id, body);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return GlimpseHttp.json(response);
    }
}
