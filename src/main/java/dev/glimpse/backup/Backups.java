package dev.glimpse.backup;

import dev.glimpse.storage.BlobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code backup} and {@code restore} commands: each starts the part of Glimpse it needs ({@link BackupContext})
 * with the server's settings. A backup joins the embedded database a running server uses (or uses the external
 * one); a restore runs the database itself, waiting for a server on the same folder to stop.
 */
public final class Backups {

    private Backups() {}

    /** Writes a backup of the library the settings name into {@code target}; returns one line saying what it holds. */
    public static String backup(Path target, List<String> settings, String version, PrintStream out)
            throws IOException, SQLException {
        try (ConfigurableApplicationContext context = start(settings, true)) {
            BackupManifest manifest = new LibraryBackup(
                            context.getBean(DataSource.class), context.getBean(BlobStore.class), out)
                    .write(target, version);
            long images = manifest.tables().stream()
                    .filter(table -> table.name().equals("image"))
                    .mapToLong(BackupManifest.Table::rows)
                    .sum();
            return "backed up " + images + " images (" + manifest.blobs() + " blobs, " + manifest.blobBytes()
                    + " bytes; change log position " + manifest.changeLogPosition() + ") to "
                    + target.toAbsolutePath().normalize();
        }
    }

    /**
     * Restores the backup in {@code source} into the library the settings name, after checking its checksums; its
     * search index folder is emptied so that the server rebuilds it from the restored rows.
     */
    public static String restore(Path source, List<String> settings, boolean force, PrintStream out)
            throws IOException, SQLException {
        Path folder = source.toAbsolutePath().normalize();
        int files = Checksums.verify(folder);
        out.println("checked " + files + " files of the backup against " + BackupManifest.CHECKSUMS);
        BackupManifest manifest = JsonMapper.builder()
                .build()
                .readValue(folder.resolve(BackupManifest.FILE).toFile(), BackupManifest.class);
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new IOException("Unknown backup format " + manifest.format());
        }
        try (ConfigurableApplicationContext context = start(settings, false)) {
            new LibraryRestore(context.getBean(DataSource.class), context.getBean(BlobStore.class), out)
                    .restore(folder, manifest, force);
            String index = context.getEnvironment().getProperty("glimpse.index.directory");
            if (index != null && Files.exists(Path.of(index))) {
                LibraryBackup.deleteTree(Path.of(index));
                out.println("emptied the search index folder " + index + "; the server rebuilds it at start");
            }
        }
        long images = manifest.tables().stream()
                .filter(table -> table.name().equals("image"))
                .mapToLong(BackupManifest.Table::rows)
                .sum();
        return "restored " + images + " images from " + folder + " (made " + manifest.createdAt() + ")";
    }

    private static ConfigurableApplicationContext start(List<String> given, boolean joinRunning) {
        List<String> settings = new ArrayList<>(given);
        addUnlessGiven(settings, "glimpse.database.embedded.join-running", Boolean.toString(joinRunning));
        addUnlessGiven(settings, "spring.main.banner-mode", "off");
        addUnlessGiven(settings, "logging.level.root", "WARN");
        // the server's readiness group names health contributors this smaller context does not have
        addUnlessGiven(settings, "management.endpoint.health.validate-group-membership", "false");
        return new SpringApplicationBuilder(BackupContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(settings.toArray(String[]::new));
    }

    private static void addUnlessGiven(List<String> settings, String name, String value) {
        if (settings.stream().noneMatch(setting -> setting.startsWith("--" + name + "="))) {
            settings.add("--" + name + "=" + value);
        }
    }
}
