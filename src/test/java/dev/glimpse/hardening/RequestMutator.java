package dev.glimpse.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds raw HTTP requests from valid uploads, searches, voice searches and reads of the API, then mutates them the
 * way a hostile or broken client would: headers (content type, boundary, accept, lengths), multipart structure
 * (boundaries, field and file names, nesting, duplicated or missing parts), bodies (cut, flipped, inserted bytes,
 * bare line feeds) and parameters (numbers out of range, not numbers, broken percent-encoding, very long text). All
 * choices come from one seeded {@link Random}, so a run can be repeated exactly.
 */
final class RequestMutator {

    /** One request: what it was made from and how it was changed, and its bytes. */
    record FuzzRequest(String label, byte[] bytes) {}

    private final Random random;
    private final int port;
    private final List<byte[]> images;
    private final byte[] recording;
    private final Supplier<List<String>> knownIds;

    RequestMutator(long seed, int port, List<byte[]> images, byte[] recording, Supplier<List<String>> knownIds) {
        this.random = new Random(seed);
        this.port = port;
        this.images = images;
        this.recording = recording;
        this.knownIds = knownIds;
    }

    FuzzRequest next() {
        int kind = random.nextInt(100);
        if (kind < 40) {
            return upload();
        }
        if (kind < 42) {
            return voice(); // rare: a valid recording costs a Whisper run
        }
        if (kind < 75) {
            return search();
        }
        return read();
    }

    private FuzzRequest upload() {
        String boundary = "B" + random.nextInt(1_000_000);
        List<String> changes = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int files = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 3);
        for (int i = 0; i < files; i++) {
            String field = "files";
            String name = "image-" + i + ".png";
            byte[] content = images.get(random.nextInt(images.size()));
            if (chance(15)) {
                field = pick(new String[] {"file", "", "files\"; x=\"", "FILES", "files[]"});
                changes.add("field name");
            }
            if (chance(25)) {
                name = pick(HostileValues.FILE_NAMES);
                changes.add("file name");
            }
            if (chance(20)) {
                content = HostileValues.mutate(random, content, changes);
            }
            writePart(body, boundary, field, name, content, changes);
        }
        if (chance(10)) {
            writeText(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n");
            changes.add("extra field");
        }
        if (!chance(8)) {
            writeText(body, "--" + boundary + "--\r\n");
        } else {
            changes.add("no closing boundary");
        }
        String contentType = "multipart/form-data; boundary=" + boundary;
        if (chance(12)) {
            contentType = pick(HostileValues.CONTENT_TYPES);
            changes.add("content type");
        }
        byte[] bytes = body.toByteArray();
        if (chance(15)) {
            bytes = HostileValues.mutate(random, bytes, changes);
        }
        return request("POST", "/api/images", contentType, bytes, "upload", changes);
    }

    private FuzzRequest voice() {
        String boundary = "V" + random.nextInt(1_000_000);
        List<String> changes = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] audio = chance(60) ? HostileValues.mutate(random, recording, changes) : recording;
        writePart(body, boundary, chance(10) ? "voice" : "audio", "question.wav", audio, changes);
        if (chance(30)) {
            writeText(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n"
                            + pick(HostileValues.BAD_NUMBERS) + "\r\n");
            changes.add("k");
        }
        writeText(body, "--" + boundary + "--\r\n");
        return request(
                "POST",
                "/api/search/voice",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray(),
                "voice",
                changes);
    }

    private FuzzRequest search() {
        List<String> changes = new ArrayList<>();
        String query = encode(pick(HostileValues.WORDS));
        if (chance(15)) {
            query = pick(new String[] {"%zz", "%", "%E0%A4%A", "%00%01", "a+b%2B%20c", "%C0%AF"});
            changes.add("broken encoding");
        } else if (chance(10)) {
            query = encode("word ".repeat(random.nextInt(3000)));
            changes.add("long query");
        }
        String target = "/api/search?q=" + query;
        if (chance(40)) {
            target += "&k=" + (chance(50) ? pick(HostileValues.BAD_NUMBERS) : String.valueOf(1 + random.nextInt(100)));
            changes.add("k");
        }
        if (chance(10)) {
            target += "&q=again&k=1&k=2";
            changes.add("repeated parameters");
        }
        if (chance(10)) {
            byte[] form = ("q=" + query + "&k=" + pick(HostileValues.BAD_NUMBERS)).getBytes(UTF_8);
            return request("POST", "/api/search", "application/x-www-form-urlencoded", form, "search form", changes);
        }
        return request("GET", target, null, new byte[0], "search", changes);
    }

    private FuzzRequest read() {
        List<String> changes = new ArrayList<>();
        List<String> ids = knownIds.get();
        String id = !ids.isEmpty() && chance(70)
                ? ids.get(random.nextInt(ids.size()))
                : UUID.randomUUID().toString();
        String target = switch (random.nextInt(6)) {
            case 0 -> "/api/images?page=" + number(changes) + "&size=" + number(changes);
            case 1 -> "/api/images/" + id;
            case 2 -> "/api/images/" + id + "/content";
            case 3 -> "/api/images/" + id + "/thumbnail";
            case 4 ->
                "/api/images/" + pick(new String[] {"not-a-uuid", "%00", "..%2F..%2Fetc%2Fpasswd", "%zz", "null"});
            default -> "/api/images?page=0&size=50";
        };
        String method = "GET";
        if (chance(10)) {
            method = pick(new String[] {"PUT", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"});
            changes.add("method " + method);
        }
        return request(method, target, null, new byte[0], "read", changes);
    }

    private String number(List<String> changes) {
        if (chance(40)) {
            changes.add("paging");
            return pick(HostileValues.BAD_NUMBERS);
        }
        return String.valueOf(random.nextInt(5));
    }

    private FuzzRequest request(
            String method, String target, String contentType, byte[] body, String kind, List<String> changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeText(out, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        if (contentType != null) {
            writeText(out, "Content-Type: " + contentType + "\r\n");
        }
        int length = body.length;
        if (chance(5)) {
            length = random.nextBoolean()
                    ? Math.max(0, body.length - 1 - random.nextInt(Math.max(1, body.length)))
                    : body.length + 1 + random.nextInt(1000);
            changes.add("lying Content-Length");
        }
        if (chance(8)) {
            writeText(out, pick(new String[] {
                "Accept: application/xml\r\n",
                "Accept: text/html\r\n",
                "Accept: image/png\r\n",
                "Accept-Charset: ebcdic\r\n",
                "Transfer-Encoding: chunked\r\n",
                "Expect: 100-continue\r\n",
                "Content-Encoding: gzip\r\n",
                "X-Forwarded-For: 10.0.0.1, <script>\r\n",
                "Cookie: JSESSIONID=" + "z".repeat(500) + "\r\n"
            }));
            changes.add("header");
        }
        if (body.length > 0) {
            writeText(out, "Content-Length: " + length + "\r\n");
        }
        writeText(out, "Connection: close\r\n\r\n");
        out.writeBytes(body);
        String label = kind + (changes.isEmpty() ? " (valid)" : " " + changes);
        return new FuzzRequest(label, out.toByteArray());
    }

    private void writePart(
            ByteArrayOutputStream body,
            String boundary,
            String field,
            String name,
            byte[] content,
            List<String> changes) {
        String separator = "--" + boundary;
        if (chance(3)) {
            separator = "--" + boundary + "x";
            changes.add("wrong boundary");
        }
        String headers = "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n";
        if (chance(4)) {
            headers = "Content-Disposition: form-data; name=\"" + field
                    + "\"\r\nContent-Type: multipart/mixed; boundary=N\r\n\r\n--N\r\nContent-Disposition: file; filename=\""
                    + name + "\"\r\n";
            changes.add("nested multipart/mixed");
        } else if (chance(4)) {
            headers = "";
            changes.add("part without headers");
        } else if (chance(4)) {
            headers =
                    "Content-Disposition: form-data; name=\"" + field + "\"; filename*=UTF-8''" + encode(name) + "\r\n";
            changes.add("RFC 5987 file name");
        }
        writeText(body, separator + "\r\n" + headers + "\r\n");
        body.writeBytes(content);
        writeText(body, "\r\n");
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, UTF_8);
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(UTF_8));
    }
}
