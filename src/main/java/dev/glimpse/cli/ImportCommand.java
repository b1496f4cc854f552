package dev.glimpse.cli;

import dev.glimpse.importing.FolderImporter;
import dev.glimpse.importing.ImportStoppedException;
import dev.glimpse.importing.ImportSummary;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FOLDER [--report=FILE] [--threads=N] [--name=value ...]}: imports every image of a folder tree into
 * the library the settings name (the server's: {@code --name=value}, environment, {@code application.yaml}), whether
 * or not a server runs on it. The last line is exactly {@code imported N, duplicates D, refused R}.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports every image of FOLDER and its sub-folders (each distinct image once; run it again after an"
                    + " interruption: nothing is lost or stored twice). Works beside a running server.",
            "Settings as for the server, e.g. --glimpse.storage.local.root=/srv/glimpse/blobs."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FOLDER [--name=value ...]",
            description = "The folder to import, then settings as for the server.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--report", description = "Where to list refused files and why (default: ${DEFAULT-VALUE}).")
    Path report = Path.of("import-report.tsv");

    @Option(names = "--threads", description = "Files checked at once (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        List<String> folders =
                arguments.stream().filter(a -> !a.startsWith("--")).toList();
        List<String> settings =
                arguments.stream().filter(a -> a.startsWith("--")).toList();
        if (folders.size() != 1) {
            System.err.println("Name one folder to import (found " + folders.size() + ": " + folders + ")");
            return 2;
        }
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        FolderImporter.Options options = new FolderImporter.Options(
                Path.of(folders.getFirst()), report, Math.max(1, threads), terminal, settings);
        try {
            ImportSummary summary = FolderImporter.run(options, System.out);
            System.out.println(summary.line());
            return 0;
        } catch (ImportStoppedException e) {
            System.err.println("The import stopped: " + e.getMessage() + ". What was stored stays stored; run the"
                    + " same command again to carry on.");
            System.out.println(e.sofar().line());
            return 1;
        }
    }
}
