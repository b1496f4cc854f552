package dev.glimpse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class CredentialsTest {

    @Test
    void aNewTokenIsPrintedWithTheHashThatRecognisesIt() throws Exception {
        String output = run(new String[] {CredentialsCommand.NEW_API_TOKEN}, "");

        Matcher token = Pattern.compile("API token .*: (\\S+)").matcher(output);
        Matcher hash = Pattern.compile("token-hashes entry .*: +([0-9a-f]{64})").matcher(output);
        assertThat(token.find()).isTrue();
        assertThat(hash.find()).isTrue();
        ApiTokens tokens =
                new ApiTokens(List.of(new GlimpseSecurityProperties.User("carol", null, List.of(hash.group(1)))));
        assertThat(tokens.userOf(token.group(1))).hasValue("carol");
        assertThat(tokens.userOf(token.group(1) + "x")).isEmpty();
    }

    @Test
    void hashPasswordPrintsABcryptHashOfTheTypedPassword() throws Exception {
        String output = run(new String[] {CredentialsCommand.HASH_PASSWORD}, "correct horse\n");

        String hash = output.strip();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder().matches("correct horse", hash)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("wrong horse", hash)).isFalse();
    }

    @Test
    void aMalformedTokenHashIsRefusedAtStartWithTheUserNamed() {
        assertThatThrownBy(() -> new ApiTokens(
                        List.of(new GlimpseSecurityProperties.User("dave", null, List.of("not-a-sha256")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dave");
    }

    private static String run(String[] args, String stdin) throws Exception {
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CredentialsCommand.run(args);
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
