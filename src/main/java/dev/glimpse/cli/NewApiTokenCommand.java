package dev.glimpse.cli;

import dev.glimpse.security.CredentialsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code new-api-token}: prints a new API token and the SHA-256 hash to configure for it. */
@Command(
        name = "new-api-token",
        mixinStandardHelpOptions = true,
        description = "Prints a new random API token and the SHA-256 hash to put under token-hashes.")
final class NewApiTokenCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CredentialsCommand.printNewApiToken();
        return 0;
    }
}
