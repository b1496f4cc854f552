package dev.glimpse.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar glimpse.jar <command> [options]}: one command, then exit. Settings given as {@code --name=value}
 * after {@code prefetch-models} are read exactly as the server reads them (with the environment and
 * {@code application.yaml}); the tools read their own options, listed by {@code <command> --help}.
 */
@Command(
        name = "glimpse",
        mixinStandardHelpOptions = true,
        versionProvider = GlimpseVersion.class,
        description = {
            "Caption every image, find it again by voice or text.",
            "Without a command, starts the server (settings as --name=value, e.g. --server.port=9000)."
        },
        subcommands = {
            ImportCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            PrefetchModelsCommand.class,
            HashPasswordCommand.class,
            NewApiTokenCommand.class,
            BenchCommand.class,
            IndexBenchCommand.class,
            ImportBenchCommand.class,
            EvaluateSearchCommand.class,
            CompareCaptionersCommand.class,
            WriteRandomCheckpointCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GlimpseCli implements Runnable {

    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The server's Spring Boot application, for commands that start the server (handed in: no cycle to it). */
    private final @Nullable Class<?> server;

    public GlimpseCli() {
        this(null);
    }

    GlimpseCli(@Nullable Class<?> server) {
        this.server = server;
    }

    /** The server's application class; a command that needs it fails with this message where none was given. */
    Class<?> server() {
        if (server == null) {
            throw new IllegalStateException("this command starts the server: run it through the jar's main class");
        }
        return server;
    }

    /**
     * True when the arguments name a command (or ask for help) rather than start the server: the first argument is
     * a word, not a {@code --setting}.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }

    /**
     * Runs the command the arguments name; returns its exit code (0 done, 1 failed, 2 bad arguments). {@code server}
     * is the server's application class, which {@code import-bench} starts.
     */
    public static int execute(String[] args, Class<?> server) {
        return execute(args, server, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, null, out, err);
    }

    private static int execute(String[] args, @Nullable Class<?> server, PrintWriter out, PrintWriter err) {
        if (System.getProperty("ai.djl.offline") == null) {
            // the model engine's native library comes from the jar; it must never be downloaded at run time
            System.setProperty("ai.djl.offline", "true");
        }
        CommandLine commandLine = new CommandLine(new GlimpseCli(server));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setUnmatchedOptionsArePositionalParams(true);
        commandLine.setExecutionExceptionHandler((error, failed, parsed) -> {
            failed.getErr().println(failed.getCommandName() + " failed: " + error);
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
