package dev.glimpse.ml.hub;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the hub says about one file before it is downloaded. Following Hugging Face's conventions, an LFS file
 * (weights) answers with {@code X-Linked-Etag} = the sha256 of its content and {@code X-Linked-Size}; a small
 * file stored in git answers with {@code ETag} = its git blob id, {@code sha1("blob <size>\0" + content)}.
 *
 * @param url the file's resolve URL on the hub
 * @param size the size in bytes, or -1 when the hub did not say
 * @param etag the normalised entity tag (no quotes, no {@code W/}), or null
 */
record RemoteFile(URI url, long size, String etag) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern GIT_SHA1 = Pattern.compile("[0-9a-f]{40}");

    Optional<String> sha256() {
        return etag != null && SHA256.matcher(etag).matches() ? Optional.of(etag) : Optional.empty();
    }

    Optional<String> gitBlobSha1() {
        return etag != null && GIT_SHA1.matcher(etag).matches() ? Optional.of(etag) : Optional.empty();
    }

    boolean sizeKnown() {
        return size >= 0;
    }

    static @Nullable String normalizeEtag(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").strip().toLowerCase(java.util.Locale.ROOT);
        return value.isEmpty() ? null : value;
    }
}
