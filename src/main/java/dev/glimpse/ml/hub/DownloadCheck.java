package dev.glimpse.ml.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a finished download against what the hub advertised: its size, and its sha256 (LFS files) or git blob
 * sha1 (files stored in git). A file that fails is deleted.
 */
final class DownloadCheck {

    private DownloadCheck() {}

    /** Verifies {@code part}; deletes it and throws {@link HubException} when it does not match. */
    static void verify(Path part, RemoteFile remote, String label) throws IOException {
        long size = Files.size(part);
        if (remote.sizeKnown() && size != remote.size()) {
            reject(part, remote, label, "its size is " + size + " bytes, the hub advertised " + remote.size());
        }
        if (remote.sha256().isPresent()) {
            String actual = HubChecksums.sha256(part);
            if (!actual.equals(remote.sha256().get())) {
                reject(
                        part,
                        remote,
                        label,
                        "its sha256 is " + actual + ", the hub advertised "
                                + remote.sha256().get());
            }
        } else if (remote.gitBlobSha1().isPresent()) {
            String actual = HubChecksums.gitBlobSha1(part);
            if (!actual.equals(remote.gitBlobSha1().get())) {
                reject(
                        part,
                        remote,
                        label,
                        "its git blob sha1 is " + actual + ", the hub advertised "
                                + remote.gitBlobSha1().get());
            }
        }
    }

    private static void reject(Path part, RemoteFile remote, String label, String why) throws IOException {
        Files.deleteIfExists(part);
        throw new HubException(
                HubException.Kind.CHECKSUM_MISMATCH,
                "Downloaded " + label + " from " + remote.url() + " is corrupt: " + why
                        + ". The file was deleted; fetch it again (a proxy or mirror may be serving a different file).");
    }
}
