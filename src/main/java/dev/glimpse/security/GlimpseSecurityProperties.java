package dev.glimpse.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code glimpse.security.*}: whether sign-in is required, and the users who may sign in. A user has a bcrypt
 * {@code password-hash} (for the login page; may be empty for token-only users) and the SHA-256 hex hashes of their
 * API tokens ({@code token-hashes}); the tokens themselves are never stored.
 */
@ConfigurationProperties("glimpse.security")
public record GlimpseSecurityProperties(
        @DefaultValue("false") boolean enabled, List<User> users) {

    public GlimpseSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One configured user. */
    public record User(String name, String passwordHash, List<String> tokenHashes) {
        public User {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("glimpse.security.users[].name must not be empty");
            }
            tokenHashes = tokenHashes == null ? List.of() : List.copyOf(tokenHashes);
        }

        boolean canSignIn() {
            return passwordHash != null && !passwordHash.isBlank();
        }
    }
}
