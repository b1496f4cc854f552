package dev.glimpse.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.ImageRepository;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.RawHttp;
import dev.glimpse.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests a curl-like client would not build: broken multipart bodies, absurd paging, too many parts, long Unicode
 * file names. Each is answered with an RFC 9457 problem (or accepted, for the long names), never a 500, logged in at
 * most one line without a stack trace, and stores nothing.
 */
@GlimpseTest
class MalformedRequestsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    BlobStore blobs;

    @Autowired
    UploadProperties limits;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    static Stream<Arguments> malformedBodies() {
        byte[] png = TestImages.png(20, 20, 41);
        return Stream.of(
                Arguments.of(
                        "NUL in the file name",
                        "multipart/form-data; boundary=X",
                        bytes(
                                "--X\r\nContent-Disposition: form-data; name=\"files\"; filename=\"evil\0.png\"\r\n\r\n",
                                png,
                                "\r\n--X--\r\n")),
                Arguments.of("no boundary", "multipart/form-data", bytes("x")),
                Arguments.of(
                        "closing boundary never comes",
                        "multipart/form-data; boundary=X",
                        bytes(
                                "--X\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n",
                                png)),
                Arguments.of(
                        "a part that is itself multipart/mixed",
                        "multipart/form-data; boundary=X",
                        bytes(
                                "--X\r\nContent-Disposition: form-data; name=\"files\"\r\n"
                                        + "Content-Type: multipart/mixed; boundary=Y\r\n\r\n"
                                        + "--Y\r\nContent-Disposition: file; filename=\"a.png\"\r\n"
                                        + "Content-Type: image/png\r\n\r\n",
                                png,
                                "\r\n--Y--\r\n--X--\r\n")),
                Arguments.of(
                        "garbage instead of parts",
                        "multipart/form-data; boundary=X",
                        bytes("this is not multipart at all")),
                Arguments.of(
                        "part without headers",
                        "multipart/form-data; boundary=X",
                        bytes("--X\r\n\r\n", png, "\r\n--X--\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedMultipartIsAProblemInOneLogLine(String name, String contentType, byte[] body) throws Exception {
        long rows = images.count();
        long stored = countBlobs();
        HttpResponse<String> response;
        CapturedLog log = CapturedLog.start();
        try (log) {
            response = api.post("/api/images", contentType, body);
        }

        System.out.printf(
                "%s: HTTP %d %s; logged %s%n",
                name, response.statusCode(), response.body(), log.linesFrom("dev.glimpse"));
        assertThat(log.errors()).isEmpty();
        assertThat(log.stackTraces()).isEmpty();
        assertThat(log.linesFrom("dev.glimpse")).hasSizeLessThanOrEqualTo(1);
        assertThat(images.count()).isEqualTo(rows);
        assertThat(countBlobs()).isEqualTo(stored);
        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "multipart/form-data");
    }

    @Test
    void nulInAFileNameIsAProblemThatShowsTheNameEscaped() throws Exception {
        byte[] body = bytes(
                "--X\r\nContent-Disposition: form-data; name=\"files\"; filename=\"evil\0.png\"\r\n\r\nabc\r\n--X--\r\n");

        HttpResponse<String> response = api.post("/api/images", "multipart/form-data; boundary=X", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "Invalid file name: evil\\0.png");
        assertThat(response.body()).doesNotContain("\u0000");
    }

    @Test
    void uploadAskingForAnAnswerTheApiCannotGiveIsRefusedBeforeAnythingIsStored() throws Exception {
        long rows = images.count();
        HttpRequest request = new Multipart()
                .file("files", "new.png", TestImages.png(24, 16, 44))
                .post(api.request("/api/images").header("Accept", "image/png"));

        HttpResponse<String> response = api.send(request);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(images.count()).isEqualTo(rows);
    }

    @Test
    void absurdPageIsAProblemNamingTheLimit() throws Exception {
        HttpResponse<String> response = api.get("/api/images?page=10737419&size=200");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "page at most 10737418");
    }

    @Test
    void lastPageBelowTheLimitIsAnEmptyPage() throws Exception {
        HttpResponse<String> response = api.get("/api/images?page=10737418&size=200");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GlimpseHttp.json(response).get("images").size()).isZero();
    }

    @Test
    void fileNameOf150CjkCharactersIsAccepted() throws Exception {
        String name = "夏".repeat(75) + "休".repeat(75) + ".png";
        byte[] png = TestImages.png(24, 16, 42);

        HttpResponse<String> response = api.upload(new Multipart().file("files", name, png));

        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        JsonNode file = GlimpseHttp.firstFile(response);
        assertThat(file.get("status").asString()).isIn("stored", "duplicate");
        assertThat(file.get("fileName").asString()).isEqualTo(name);
    }

    @Test
    void fileNameLongerThanThePartHeaderLimitIsAProblemNamingTheLimit() throws Exception {
        HttpResponse<String> response =
                api.upload(new Multipart().file("files", "x".repeat(9000) + ".png", TestImages.png(8, 8, 45)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "longer than the limit of 8192 bytes");
    }

    @Test
    void requestAnnouncingMoreThanTheRequestLimitIsA413NamingTheLimits() throws Exception {
        byte[] request = bytes(
                "POST /api/images HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=X\r\n"
                        + "Content-Length: 314572800\r\nConnection: close\r\n\r\n--X\r\n");

        RawHttp.Answer answer = RawHttp.exchange(port, request, java.time.Duration.ofSeconds(60));

        assertThat(answer.status()).isEqualTo(413);
        JsonNode problem = JSON.readTree(answer.bodyText());
        assertThat(problem.get("detail").asString())
                .isEqualTo("A file may be at most 64 MB and a request at most 256 MB; images over 5 MB are refused"
                        + " anyway.");
    }

    @Test
    void bidiOverrideIsRemovedFromTheStoredName() throws Exception {
        HttpResponse<String> response =
                api.upload(new Multipart().file("files", "invoice\u202Egnp.exe", TestImages.png(24, 16, 43)));

        JsonNode file = GlimpseHttp.firstFile(response);
        assertThat(file.get("status").asString()).isIn("stored", "duplicate");
        assertThat(file.get("fileName").asString()).isEqualTo("invoicegnp.exe");
        if (file.get("status").asString().equals("stored")) {
            assertThat(images.findById(java.util.UUID.fromString(file.get("id").asString()))
                            .orElseThrow()
                            .getOriginalName())
                    .isEqualTo("invoicegnp.exe");
        }
    }

    @Test
    void sixtyFilesAreAskedToBeAtMostTheConfiguredNumber() throws Exception {
        assertTooManyFiles(60);
    }

    @Test
    void morePartsThanTheContainerParsesAreAskedToBeAtMostTheConfiguredNumber() throws Exception {
        assertTooManyFiles(300);
    }

    private void assertTooManyFiles(int count) throws Exception {
        long rows = images.count();
        Multipart request = new Multipart();
        for (int i = 0; i < count; i++) {
            request.file("files", "tiny-" + i + ".png", TestImages.png(8, 8, 1000 + i));
        }
        CapturedLog log = CapturedLog.start();
        HttpResponse<String> response;
        try (log) {
            response = api.upload(request);
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "Send at most " + limits.maxFilesPerUpload() + " files");
        assertThat(images.count()).isEqualTo(rows);
        assertThat(log.stackTraces()).isEmpty();
    }

    private void assertProblem(HttpResponse<String> response, String detail) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GlimpseHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long countBlobs() {
        try (Stream<BlobStore.StoredBlob> all = blobs.list()) {
            return all.count();
        }
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(UTF_8));
        }
        return out.toByteArray();
    }
}
