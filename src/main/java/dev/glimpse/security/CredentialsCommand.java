package dev.glimpse.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Makes credentials for the configuration without starting the app: {@code java -jar glimpse.jar hash-password}
 * reads a password (from the console without echo, else one line of standard input) and prints its bcrypt hash for
 * {@code password-hash}; {@code java -jar glimpse.jar new-api-token} prints a new random token for the user and the
 * SHA-256 hash to put under {@code token-hashes}.
 */
public final class CredentialsCommand {

    public static final String HASH_PASSWORD = "hash-password";
    public static final String NEW_API_TOKEN = "new-api-token";

    private CredentialsCommand() {}

    public static void run(String[] args) throws IOException {
        if (Arrays.asList(args).contains(NEW_API_TOKEN)) {
            printNewApiToken();
        } else {
            printPasswordHash();
        }
    }

    /** Prints a new random API token and the SHA-256 hash to configure for it. */
    public static void printNewApiToken() {
        String token = ApiTokens.newToken();
        System.out.println("API token (give it to the user; it is not stored): " + token);
        System.out.println("token-hashes entry (SHA-256):                     " + ApiTokens.hash(token));
    }

    /** Reads a password (console without echo, else a line of standard input) and prints its bcrypt hash. */
    public static void printPasswordHash() throws IOException {
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("No password given");
        }
        System.out.println(new BCryptPasswordEncoder(10).encode(password));
    }

    private static @Nullable String readPassword() throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] password = console.readPassword("Password: ");
            return password == null ? null : new String(password);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
