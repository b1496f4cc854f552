package dev.glimpse.cli;

import dev.glimpse.security.CredentialsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hash-password}: reads a password and prints its bcrypt hash for {@code glimpse.security.users[].password-hash}. */
@Command(
        name = "hash-password",
        mixinStandardHelpOptions = true,
        description = "Asks for a password (or reads one line of standard input) and prints its bcrypt hash.")
final class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try {
            CredentialsCommand.printPasswordHash();
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
