package dev.glimpse.pipeline;

import dev.glimpse.search.IndexProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The name this instance writes on its claims: {@code glimpse.pipeline.instance-id}, or the host name plus a short
 * hash of the index folder. Every instance needs a folder of its own for its index, so the default tells instances on
 * one host apart and stays the same when an instance restarts (which then takes back its own unfinished claims).
 */
@Component
class InstanceIdentity {

    private final String id;

    InstanceIdentity(PipelineProperties pipeline, IndexProperties index) {
        this.id = pipeline.instanceId().isBlank() ? derived(index) : pipeline.instanceId();
    }

    String id() {
        return id;
    }

    private static String derived(IndexProperties index) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(index.directory()
                            .toAbsolutePath()
                            .normalize()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            return host + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
