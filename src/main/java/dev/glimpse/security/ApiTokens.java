package dev.glimpse.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens, known only by their SHA-256 hashes: a presented token is hashed and looked up. Tokens are
 * random 256-bit strings, so a plain hash (no salt, no stretching) is enough to make a leaked configuration useless.
 */
final class ApiTokens {

    private final Map<String, String> userByHash;

    ApiTokens(List<GlimpseSecurityProperties.User> users) {
        Map<String, String> byHash = new HashMap<>();
        for (GlimpseSecurityProperties.User user : users) {
            for (String hash : user.tokenHashes()) {
                String normalized = hash.strip().toLowerCase(Locale.ROOT);
                if (!normalized.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(
                            "A token hash of user " + user.name() + " is not 64 hex digits (SHA-256)");
                }
                String previous = byHash.putIfAbsent(normalized, user.name());
                if (previous != null && !previous.equals(user.name())) {
                    throw new IllegalArgumentException(
                            "Users " + previous + " and " + user.name() + " share an API token hash");
                }
            }
        }
        this.userByHash = Map.copyOf(byHash);
    }

    /** The user whose token this is, if any. */
    Optional<String> userOf(String token) {
        return Optional.ofNullable(userByHash.get(hash(token)));
    }

    boolean isEmpty() {
        return userByHash.isEmpty();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A new random token: 32 bytes, URL-safe Base64 without padding. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "glimpse_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
