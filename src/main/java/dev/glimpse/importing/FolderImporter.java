package dev.glimpse.importing;

import dev.glimpse.ingest.IngestService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of {@code import FOLDER}: starts the part of Glimpse an import needs ({@link ImportContext}) with the
 * server's settings, walks the folder and imports its files. Beside a running server on the embedded database it
 * joins that server's PostgreSQL as a client (the server's index follower then indexes the new images); alone, it
 * runs the database itself and a server started meanwhile waits for it to finish.
 */
public final class FolderImporter {

    /** How large an imported file may be unless {@code --glimpse.upload.max-bytes} says otherwise. */
    public static final String DEFAULT_MAX_BYTES = "64MB";

    private FolderImporter() {}

    /** The options of one run. */
    public record Options(Path folder, Path report, int threads, boolean terminal, List<String> settings) {}

    public static ImportSummary run(Options options, PrintStream out) throws IOException, InterruptedException {
        List<SourceFile> files = FolderWalker.walk(options.folder());
        out.println("Found " + ProgressFormat.count(files.size()) + " files in "
                + options.folder().toAbsolutePath().normalize());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportContext.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .run(settings(options.settings()));
                RefusalReport report = new RefusalReport(options.report())) {
            FolderImport folderImport = new FolderImport(context.getBean(IngestService.class), options.threads());
            ImportProgress progress = new ImportProgress(
                    out, options.terminal(), files.size(), FolderImport.PLAIN_INTERVAL, System::nanoTime);
            try {
                return folderImport.run(files, report, progress);
            } finally {
                out.println("Refused files and why: " + report.file());
            }
        }
    }

    /** The user's settings, with the import's defaults for those not given. */
    static String[] settings(List<String> given) {
        List<String> settings = new ArrayList<>(given);
        addUnlessGiven(settings, "glimpse.database.embedded.join-running", "true");
        addUnlessGiven(settings, "glimpse.upload.max-bytes", DEFAULT_MAX_BYTES);
        addUnlessGiven(settings, "spring.main.banner-mode", "off");
        addUnlessGiven(settings, "logging.level.root", "WARN");
        // the server's readiness group names health contributors this smaller context does not have
        addUnlessGiven(settings, "management.endpoint.health.validate-group-membership", "false");
        return settings.toArray(String[]::new);
    }

    private static void addUnlessGiven(List<String> settings, String name, String value) {
        boolean given = settings.stream().anyMatch(setting -> setting.startsWith("--" + name + "="));
        if (!given) {
            settings.add("--" + name + "=" + value);
        }
    }
}
