package dev.glimpse.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link GlimpseTest}, but with sign-in required: user {@code alice} (password {@link
 * SecuredGlimpseTest#ALICE_PASSWORD}, token {@link #ALICE_TOKEN}) and token-only user {@code bob} ({@link
 * #BOB_TOKEN}), and low rate limits (3 searches, 2 uploads a minute). Test classes with this annotation share one
 * application context.
 */
@Tag("integration")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "glimpse.security.enabled=true",
            "glimpse.security.users[0].name=alice",
            // bcrypt (cost 4, for speed) of "alice-password"
            "glimpse.security.users[0].password-hash=$2a$04$AVf9LGZ6v1J0XhfYn3sldu7GUAVCdmsyaMqEfn9JYWb4pUgQWfV9K",
            // SHA-256 of "alice-token"
            "glimpse.security.users[0].token-hashes[0]=9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc",
            "glimpse.security.users[1].name=bob",
            // SHA-256 of "bob-token"
            "glimpse.security.users[1].token-hashes[0]=97dd3707015dcf069cf73022ed7173b1165db6eff24b441cb57fd069a8c4e525",
            "glimpse.rate-limit.searches-per-minute=3",
            "glimpse.rate-limit.uploads-per-minute=2"
        })
@ActiveProfiles("test")
public @interface SecuredGlimpseTest {
    String ALICE_PASSWORD = "alice-password";
    String ALICE_TOKEN = "alice-token";
    String BOB_TOKEN = "bob-token";
}
