package dev.glimpse.cli;

import dev.glimpse.backup.Backups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code backup FOLDER [--name=value ...]}: a consistent backup of the library the settings name (the server's),
 * made while the server runs: every table as of one moment, the blobs its images use, a manifest and SHA-256
 * checksums. FOLDER must not exist yet (or be empty).
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a consistent backup of the library (database snapshot, blobs, manifest.json, SHA256SUMS) into"
                    + " FOLDER, which must be new or empty. Safe while the server runs.",
            "Settings as for the server, e.g. --spring.datasource.url=jdbc:postgresql://db/glimpse."
        })
final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER [--name=value ...]", description = "The backup folder, then settings.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> folders =
                arguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (folders.size() != 1) {
            System.err.println("Name one folder to write the backup into (found " + folders.size() + ")");
            return 2;
        }
        List<String> settings =
                arguments.stream().filter(a -> a.startsWith("--")).toList();
        System.out.println(Backups.backup(Path.of(folders.getFirst()), settings, GlimpseVersion.current(), System.out));
        return 0;
    }
}
