package dev.glimpse.ml.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes the hub advertises: sha256 for LFS files, the git blob sha1 for files stored in git. */
final class HubChecksums {

    private HubChecksums() {}

    static String sha256(Path file) throws IOException {
        return hex(digest("SHA-256"), file, null);
    }

    static String gitBlobSha1(Path file) throws IOException {
        String header = "blob " + Files.size(file) + "\0";
        return hex(digest("SHA-1"), file, header.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(MessageDigest digest, Path file, byte[] prefix) throws IOException {
        if (prefix != null) {
            digest.update(prefix);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
