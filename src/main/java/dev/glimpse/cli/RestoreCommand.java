package dev.glimpse.cli;

import dev.glimpse.backup.Backups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code restore FOLDER [--force] [--name=value ...]}: fills the library the settings name from a backup, after
 * checking its checksums. Refuses a library that holds images unless {@code --force}. Run it with the server
 * stopped; the server then rebuilds its search index from the restored rows.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restores a backup made by 'backup' into an empty library (working folder or database); the server"
                    + " started afterwards rebuilds its search index.",
            "Settings as for the server, e.g. --glimpse.database.embedded.data-directory=/srv/glimpse/postgres."
        })
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER [--name=value ...]", description = "The backup folder, then settings.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--force", description = "Replace the images of a library that is not empty.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        List<String> folders =
                arguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (folders.size() != 1) {
            System.err.println("Name the one backup folder to restore (found " + folders.size() + ")");
            return 2;
        }
        List<String> settings =
                arguments.stream().filter(a -> a.startsWith("--")).toList();
        try {
            System.out.println(Backups.restore(Path.of(folders.getFirst()), settings, force, System.out));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("Nothing was restored: " + e.getMessage());
            return 1;
        }
    }
}
